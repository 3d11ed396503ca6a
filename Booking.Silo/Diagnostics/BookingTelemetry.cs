using Booking.Grains.Diagnostics;
using OpenTelemetry.Metrics;

namespace Booking.Silo.Diagnostics;

/// <summary>
/// The metrics a booking process exports at <c>/metrics</c> (Prometheus text, through OpenTelemetry): one list of meters,
/// so Booking.Web and Booking.Silo export the same set.
/// </summary>
public static class BookingTelemetry
{
    /// <summary>The scrape path; Prometheus' default, so a scrape config needs no <c>metrics_path</c>.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The meters exported, by name (a meter not created in a process simply exports nothing).</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        // Orleans' runtime: activations, messaging, grain calls, storage, membership (OrleansInstruments).
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Npgsql",
        // GC, thread pool, exceptions: built into .NET 9+, so no instrumentation package.
        "System.Runtime",
        BookingMetrics.MeterName,
        StorageMetrics.MeterName,
    ];

    /// <summary>
    /// Collects <see cref="Meters"/> for the Prometheus exporter. Call it before <c>UseOrleans</c>: hosted services start
    /// in registration order, and measurements taken before the meter provider listens (the silo's start-up) are lost.
    /// </summary>
    public static IServiceCollection AddBookingMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. Meters])
            // Names already say which meter a series comes from (orleans_, http_, booking_), so the otel_scope_name label
            // would only make every selector longer.
            .AddPrometheusExporter(prometheus => prometheus.ScopeInfoEnabled = false));
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> to the Prometheus exporter; the caller decides who may read it.</summary>
    public static IEndpointConventionBuilder MapBookingMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
}
