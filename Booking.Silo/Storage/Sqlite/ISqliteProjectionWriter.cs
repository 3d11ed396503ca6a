using Booking.Grains.Persistence;
using Microsoft.Data.Sqlite;

namespace Booking.Silo.Storage.Sqlite;

/// <summary>
/// Turns one <see cref="IStateProjection"/> into statements that run in the state write's transaction.
/// Register as <c>ISqliteProjectionWriter</c> in DI; the provider picks the writer whose
/// <see cref="IProjectionWriter.ProjectionType"/> is the projection's exact type.
/// </summary>
public interface ISqliteProjectionWriter : IProjectionWriter
{
    /// <summary>
    /// Appends the commands for <paramref name="projection"/> (without connection or transaction; the provider sets both).
    /// They run only after the write's version check passed, in a savepoint of their own: a command that fails (a unique
    /// violation, say) fails only its own write, with that error, and undoes that write's state change.
    /// </summary>
    void AddCommands(IStateProjection projection, SqliteProjectionContext context, IList<SqliteCommand> commands);
}
