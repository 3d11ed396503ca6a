using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Silo.Health;

/// <summary>The body of <c>/health</c> and <c>/health/ready</c> on every booking process: the same shape on Booking.Web and Booking.Silo.</summary>
public static class HealthResponse
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs (<c>/health</c> runs none: the process answers).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Names, outcomes and descriptions only: exception details stay in the logs.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(
            context.Response.Body,
            new
            {
                status = Name(report.Status),
                checks = report.Entries.Select(e => new { name = e.Key, status = Name(e.Value.Status), description = e.Value.Description }),
            },
            cancellationToken: context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
