using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Booking.Web.Http;

/// <summary>
/// A fixed-window limit per client address on the credential routes (<c>Booking:RateLimiting:Auth</c>); refused requests get
/// 429 with <c>Retry-After</c> and a problem body.
/// </summary>
internal static class RateLimiting
{
    public const string AuthPolicy = "auth";
    public const string SectionName = "Booking:RateLimiting:Auth";

    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<AuthRateLimitOptions>() ?? new AuthRateLimitOptions();
        if (settings.PermitLimit < 1 || settings.Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName} needs PermitLimit >= 1 and a positive Window.");
        }

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 }));
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, settings.Window, cancellationToken);
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many attempts on the sign-in and registration routes; retry in {seconds} seconds.",
            },
        });
    }
}
