using Booking.Grains.Persistence;
using Booking.Silo.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Tests.Storage;

/// <summary>Writes <see cref="TestSlotProjection"/>s into <c>test_slot</c>, fenced by an exclusion constraint as bookings will be.</summary>
internal sealed class PostgresTestSlotWriter : IPostgresProjectionWriter
{
    public static readonly PostgresMigration Table = new(1001, "test slot table", """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        CREATE TABLE test_slot (
            resource text NOT NULL,
            during tstzrange NOT NULL,
            EXCLUDE USING gist (resource WITH =, during WITH &&)
        );
        """);

    public Type ProjectionType => typeof(TestSlotProjection);

    public void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands)
    {
        var slot = (TestSlotProjection)projection;
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slot.Resource, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = slot.Start.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = slot.End.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var guard = context.AddWriteGuard(command);
        command.CommandText = $"INSERT INTO test_slot (resource, during) SELECT $1, tstzrange($2, $3) WHERE {guard}";
        commands.Add(command);
    }
}
