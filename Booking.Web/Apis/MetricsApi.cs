using Booking.Silo.Diagnostics;

namespace Booking.Web.Apis;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text exposition of Orleans', ASP.NET Core's, Npgsql's, the .NET runtime's and the
/// engine's metrics (<see cref="BookingTelemetry.Meters"/>). Anonymous, as scrapers carry no token.
/// </summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBookingMetrics().AllowAnonymous();
        return endpoints;
    }
}
