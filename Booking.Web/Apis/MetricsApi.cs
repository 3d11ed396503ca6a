using Booking.Web.Observability;

namespace Booking.Web.Apis;

/// <summary><c>GET /metrics</c>: Prometheus text exposition of the engine's metrics.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", GetMetrics)
            .WithTags("Operations")
            .WithSummary("Prometheus metrics")
            .WithDescription("Bookings confirmed/rejected by code, grain activations, storage write latency and batch sizes, HTTP request duration.")
            .AllowAnonymous();
        return endpoints;
    }

    internal static IResult GetMetrics(PrometheusMetrics metrics) =>
        TypedResults.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
}
