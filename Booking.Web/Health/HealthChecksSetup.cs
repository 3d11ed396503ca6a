using System.Text.Json;
using Booking.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Health;

/// <summary><c>/health</c> answers while the process runs; <c>/health/ready</c> also checks the silo and the configured storage.</summary>
internal static class HealthChecksSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddBookingHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(BookingStorageOptions.SectionName).Get<BookingStorageOptions>() ?? new BookingStorageOptions();
        var checks = services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag]);
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddSingleton(_ => new PostgresStorageHealthCheck(storage.ConnectionString));
                checks.AddCheck<PostgresStorageHealthCheck>("storage", tags: [ReadyTag]);
                break;
            case StorageProvider.Sqlite:
                services.AddSingleton(_ => new SqliteStorageHealthCheck(storage.ConnectionString));
                checks.AddCheck<SqliteStorageHealthCheck>("storage", tags: [ReadyTag]);
                break;
            case StorageProvider.Memory:
                checks.AddCheck("storage", () => HealthCheckResult.Healthy("In-memory storage."), tags: [ReadyTag]);
                break;
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithTags("Health")
            .WithSummary("Liveness: the process answers")
            .AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithTags("Health")
            .WithSummary("Readiness: the silo runs and the database answers (503 otherwise)")
            .AllowAnonymous();
        return routes;
    }

    // Names, outcomes and descriptions only: exception details stay in the logs.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
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
