using Booking.Grains.Projections;
using Microsoft.AspNetCore.Diagnostics;

namespace Booking.Web.Errors;

/// <summary>Turns every exception that escapes a handler into a problem details response; see <see cref="ExceptionProblemMapper"/>.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger, IBookingFences? fences = null)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read an answer.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        if (exception is Auth.SignInThrottledException throttled)
        {
            httpContext.Response.Headers.RetryAfter = throttled.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = ExceptionProblemMapper.Map(exception, fences);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        switch (status)
        {
            case StatusCodes.Status503ServiceUnavailable:
                logger.LogWarning(exception, "Request {Method} {Path} failed: storage or silo unavailable", httpContext.Request.Method, httpContext.Request.Path);
                httpContext.Response.Headers.RetryAfter = "5";
                break;
            case >= 500:
                logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
                break;
            default:
                logger.LogDebug("Request {Method} {Path} refused with {Status} {Code}: {Detail}", httpContext.Request.Method, httpContext.Request.Path, status, problem.Extensions["code"], problem.Detail);
                break;
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
