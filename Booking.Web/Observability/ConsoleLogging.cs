namespace Booking.Web.Observability;

/// <summary>
/// Console logs: one JSON object per line wherever the service runs for real (published, in containers, started as a
/// plain <c>dotnet Booking.Web.dll</c>), and the familiar human-readable lines in the Development environment, which the
/// launch profile of <c>dotnet run</c> selects.
/// </summary>
internal static class ConsoleLogging
{
    public static ILoggingBuilder AddBookingConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return logging.AddSimpleConsole(options =>
            {
                options.TimestampFormat = "HH:mm:ss ";
                options.IncludeScopes = false;
            });
        }

        return logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
