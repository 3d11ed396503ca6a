using Booking.Silo.Diagnostics;
using Booking.Silo.Hosting;

namespace Booking.Silo;

/// <summary>A silo process: the grains, storage and membership of <c>UseBookingSilo</c>, with health and metrics endpoints.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.AddBookingMetrics();
        builder.UseOrleans(silo => silo.UseBookingSilo(builder.Configuration));

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
        app.MapGet("/health/ready", (SiloReadiness silo) => silo.IsActive
            ? Results.Ok(new { status = "healthy" })
            : Results.Json(new { status = "unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapBookingMetrics();
        app.Run();
    }
}
