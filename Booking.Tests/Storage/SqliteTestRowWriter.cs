using Booking.Grains.Persistence;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Tests.Storage;

/// <summary>Writes <see cref="TestRowProjection"/>s into <c>test_projection</c>.</summary>
internal sealed class SqliteTestRowWriter : ISqliteProjectionWriter
{
    public static readonly SqliteMigration Table = new(
        1000, "test projection table", "CREATE TABLE test_projection (id TEXT PRIMARY KEY, grain_key TEXT NOT NULL, note TEXT NOT NULL)");

    public Type ProjectionType => typeof(TestRowProjection);

    public void AddCommands(IStateProjection projection, SqliteProjectionContext context, IList<SqliteCommand> commands)
    {
        var row = (TestRowProjection)projection;
        var command = new SqliteCommand("INSERT INTO test_projection (id, grain_key, note) VALUES ($id, $grainKey, $note)");
        command.Parameters.Add("$id", SqliteType.Text).Value = row.Id;
        command.Parameters.Add("$grainKey", SqliteType.Text).Value = context.GrainId.Key.ToString();
        command.Parameters.Add("$note", SqliteType.Text).Value = row.Note;
        commands.Add(command);
    }
}
