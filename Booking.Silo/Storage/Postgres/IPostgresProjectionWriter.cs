using Booking.Grains.Persistence;
using Npgsql;

namespace Booking.Silo.Storage.Postgres;

/// <summary>
/// Turns one <see cref="IStateProjection"/> into statements that run in the same transaction as the state write.
/// Register as <c>IPostgresProjectionWriter</c> in DI; the provider picks the writer whose <see cref="IProjectionWriter.ProjectionType"/>
/// is the projection's exact type.
/// </summary>
public interface IPostgresProjectionWriter : IProjectionWriter
{
    /// <summary>
    /// Appends the statements for <paramref name="projection"/>. Several writes share one transaction, so every statement must
    /// take effect only if its own write's version check passed: guard it with <see cref="PostgresProjectionContext.AddWriteGuard"/>.
    /// A statement that raises an error (a unique or exclusion violation) fails only its own write, with that error.
    /// Use positional parameters (<c>$1</c>, <c>$2</c>, ...).
    /// </summary>
    void AddCommands(IStateProjection projection, PostgresProjectionContext context, IList<NpgsqlBatchCommand> commands);
}
