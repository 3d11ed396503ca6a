using Booking.Grains.Messages;
using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Npgsql;

namespace Booking.Silo.Messages.Postgres;

/// <summary>
/// Inserts the events of a <see cref="MessageEventsRecorded"/> into <c>message_events</c> in the state write's transaction,
/// guarded by that write (a stale write records no event); an id already there is left alone.
/// </summary>
internal sealed class PostgresMessageEventsWriter(JsonGrainStateSerializer serializer) : IPostgresProjectionWriter
{
    private const string Insert = """
        INSERT INTO message_events (id, kind, user_id, booking_id, occurred_at, payload)
        SELECT $1, $2, $3, $4, $5, $6
        WHERE
        """;

    public Type ProjectionType => typeof(MessageEventsRecorded);

    public void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands)
    {
        foreach (var message in ((MessageEventsRecorded)projection).Events)
        {
            var command = new NpgsqlBatchCommand();
            PostgresMessageStore.AddEventParameters(command.Parameters, message, serializer);
            command.CommandText = Insert + " " + context.AddWriteGuard(command) + " ON CONFLICT (id) DO NOTHING";
            commands.Add(command);
        }
    }
}
