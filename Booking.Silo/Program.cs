using Booking.Silo.Diagnostics;
using Booking.Silo.Health;
using Booking.Silo.Hosting;

namespace Booking.Silo;

/// <summary>
/// A silo process: the grains, storage and membership of <c>UseBookingSilo</c> on PostgreSQL, with <c>/health</c>,
/// <c>/health/ready</c> and <c>/metrics</c> on <c>ASPNETCORE_URLS</c> and no booking API (API hosts reach the grains as
/// Orleans clients).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var storage = BookingSiloBuilderExtensions.StorageOptions(builder.Configuration);
        if (ClusterStorageRequirement.Problem(storage, "Booking.Silo") is { } problem)
        {
            // Before any logger exists: plain text on stderr, and an exit code a supervisor shows.
            Console.Error.WriteLine("Booking.Silo cannot start: " + problem);
            return 2;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.AddBookingMetrics();
        builder.UseOrleans(silo => silo.UseBookingSilo(builder.Configuration));
        builder.Services.AddSingleton(_ => new PostgresStorageHealthCheck(storage.ConnectionString));
        builder.Services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("silo", tags: [HealthResponse.ReadyTag])
            .AddCheck<PostgresStorageHealthCheck>("storage", tags: [HealthResponse.ReadyTag]);

        var app = builder.Build();
        app.MapHealthChecks("/health", new() { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(HealthResponse.ReadyTag), ResponseWriter = HealthResponse.WriteAsync });
        app.MapBookingMetrics();
        app.Run();
        return 0;
    }
}
