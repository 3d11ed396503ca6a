using Booking.Silo.Health;
using Booking.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary>
/// <c>/health</c> answers while the process runs; <c>/health/ready</c> also checks the configured storage and the grains:
/// the co-hosted silo, or in client mode the connection to at least one gateway of the cluster.
/// </summary>
internal static class HealthChecksSetup
{
    public static IServiceCollection AddBookingHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(BookingStorageOptions.SectionName).Get<BookingStorageOptions>() ?? new BookingStorageOptions();
        var checks = services.AddHealthChecks();
        if (BookingSiloBuilderExtensions.ClusterOptionsFrom(configuration).Role == ClusterRole.Client)
        {
            checks.AddCheck<ClusterClientHealthCheck>("cluster", tags: [HealthResponse.ReadyTag]);
        }
        else
        {
            checks.AddCheck<SiloHealthCheck>("silo", tags: [HealthResponse.ReadyTag]);
        }

        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddSingleton(_ => new PostgresStorageHealthCheck(storage.ConnectionString));
                checks.AddCheck<PostgresStorageHealthCheck>("storage", tags: [HealthResponse.ReadyTag]);
                break;
            case StorageProvider.Sqlite:
                services.AddSingleton(_ => new SqliteStorageHealthCheck(storage.ConnectionString));
                checks.AddCheck<SqliteStorageHealthCheck>("storage", tags: [HealthResponse.ReadyTag]);
                break;
            case StorageProvider.Memory:
                checks.AddCheck("storage", () => HealthCheckResult.Healthy("In-memory storage."), tags: [HealthResponse.ReadyTag]);
                break;
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health")
            .WithSummary("Liveness: the process answers")
            .AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthResponse.ReadyTag), ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health")
            .WithSummary("Readiness: the grains can be reached (the co-hosted silo runs, or in client mode a gateway of the cluster is connected) and the database answers (503 otherwise)")
            .AllowAnonymous();
        return routes;
    }
}
