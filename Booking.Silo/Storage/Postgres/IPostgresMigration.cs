namespace Booking.Silo.Storage.Postgres;

/// <summary>
/// A schema step the PostgreSQL migrator applies once per database, in id order, inside the migration transaction.
/// Register as <c>IPostgresMigration</c> in DI; the runtime owns ids below 1000, applications use 1000 and above.
/// </summary>
public interface IPostgresMigration
{
    /// <summary>The unique, ordered id; never reuse or renumber an applied one.</summary>
    int Id { get; }

    /// <summary>A short description, stored with the applied id.</summary>
    string Name { get; }

    /// <summary>The SQL to run (may hold several statements; must be valid inside a transaction).</summary>
    string Sql { get; }
}
