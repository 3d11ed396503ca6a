using Booking.Grains.Projections;
using Booking.Runtime.Storage;
using Booking.Runtime.Storage.Postgres;
using Npgsql;

namespace Booking.Bench.Targets;

/// <summary>Stand-in until AddBookingStorage registers the bookings-table writer: accepts the projection, writes nothing.</summary>
internal sealed class InterimBookingRowsWriter : IPostgresProjectionWriter
{
    public Type ProjectionType => typeof(BookingRowsChanged);

    public void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands)
    {
    }
}
