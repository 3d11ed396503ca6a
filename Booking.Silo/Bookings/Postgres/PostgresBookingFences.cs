using Booking.Grains.Interfaces.Model;
using Booking.Grains.Projections;

using Npgsql;

namespace Booking.Silo.Bookings.Postgres;

/// <summary>The exclusion constraints of <see cref="PostgresBookingTables"/> as booking refusals.</summary>
internal sealed class PostgresBookingFences : IBookingFences
{
    public BookingError? Refusal(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var refusal = current switch
            {
                PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } postgres => ForConstraint(postgres.ConstraintName),

                // Across silos Orleans recreates the exception from its type and message only (no SqlState, no constraint
                // name); the message starts with the SQL state and names the constraint in quotes.
                PostgresException remote when remote.SqlState is null or ""
                    && remote.Message.StartsWith(PostgresErrorCodes.ExclusionViolation, StringComparison.Ordinal) =>
                    ForConstraint(ConstraintNamedIn(remote.Message)),
                _ => null,
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private static BookingError? ForConstraint(string? constraint) => constraint switch
    {
        PostgresBookingTables.UserFence => BookingError.Of(
            BookingErrorCodes.UserConflict, "You already have a booking that overlaps this time."),
        PostgresBookingTables.ExclusiveResourceFence => BookingError.Of(
            BookingErrorCodes.SlotUnavailable, "This time has just been taken."),
        _ => null,
    };

    private static string? ConstraintNamedIn(string message) =>
        new[] { PostgresBookingTables.UserFence, PostgresBookingTables.ExclusiveResourceFence }
            .FirstOrDefault(name => message.Contains($"\"{name}\"", StringComparison.Ordinal));
}
