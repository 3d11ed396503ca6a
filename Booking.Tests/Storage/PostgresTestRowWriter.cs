using Booking.Grains.Persistence;
using Booking.Silo.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Tests.Storage;

/// <summary>Writes <see cref="TestRowProjection"/>s into <c>test_projection</c>, guarded by the state write as the contract requires.</summary>
internal sealed class PostgresTestRowWriter : IPostgresProjectionWriter
{
    public static readonly PostgresMigration Table = new(
        1000, "test projection table", "CREATE TABLE test_projection (id text PRIMARY KEY, grain_key text NOT NULL, note text NOT NULL)");

    public Type ProjectionType => typeof(TestRowProjection);

    public void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands)
    {
        var row = (TestRowProjection)projection;
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Id, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = context.GrainId.Key.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Note, NpgsqlDbType = NpgsqlDbType.Text });
        var guard = context.AddWriteGuard(command);
        command.CommandText = $"INSERT INTO test_projection (id, grain_key, note) SELECT $1, $2, $3 WHERE {guard}";
        commands.Add(command);
    }
}
