using Booking.Grains.Messages;
using Booking.Grains.Persistence;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Messages.Sqlite;

/// <summary>Inserts the events of a <see cref="MessageEventsRecorded"/> into <c>message_events</c> in the state write's savepoint.</summary>
internal sealed class SqliteMessageEventsWriter(JsonGrainStateSerializer serializer) : ISqliteProjectionWriter
{
    public Type ProjectionType => typeof(MessageEventsRecorded);

    public void AddCommands(IStateProjection projection, SqliteProjectionContext context, IList<SqliteCommand> commands)
    {
        foreach (var message in ((MessageEventsRecorded)projection).Events)
        {
            commands.Add(SqliteMessageStore.InsertEvent(message, serializer));
        }
    }
}
