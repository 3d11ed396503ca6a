using Booking.Web.Auth;

namespace Booking.Web.Observability;

/// <summary>
/// Opens the <see cref="RequestLogScope"/> around the whole request (first in the pipeline, so the exception handler's
/// entries carry it too) and fills in the user id once authentication has run (<see cref="UseRequestLogUser"/>). The
/// scope holds ids only: never a header, a token or a body.
/// </summary>
internal static class RequestLogScopeMiddleware
{
    public const string RequestIdHeader = "X-Request-Id";

    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Booking.Web.Requests");
        return app.Use(async (context, next) =>
        {
            var scope = new RequestLogScope(context.TraceIdentifier);
            context.Features.Set(scope);

            // Set as the response starts, so it survives the exception handler clearing a failed response.
            context.Response.OnStarting(static state =>
            {
                var (http, id) = ((HttpContext, string))state;
                http.Response.Headers[RequestIdHeader] = id;
                return Task.CompletedTask;
            }, (context, scope.RequestId));

            using (logger.BeginScope(scope))
            {
                await next(context);
            }
        });
    }

    /// <summary>Call after <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseRequestLogUser(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<RequestLogScope>() is { } scope && context.User.FindFirst(AccessTokenClaims.Subject)?.Value is { } userId)
            {
                scope.UserId = userId;
            }

            return next(context);
        });
}
