namespace Booking.Silo.Hosting;

/// <summary>Where grain state, reminders and the query tables live (<c>Booking:Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, no database server needed (one silo only).</summary>
    Sqlite,

    /// <summary>PostgreSQL: production and any multi-silo deployment.</summary>
    Postgres,

    /// <summary>In memory, lost at exit: runtime unit tests and demos only.</summary>
    Memory,
}
