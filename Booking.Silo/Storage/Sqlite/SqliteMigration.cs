namespace Booking.Silo.Storage.Sqlite;

/// <summary>A SQLite migration given as plain values.</summary>
public sealed record SqliteMigration(int Id, string Name, string Sql) : ISqliteMigration;
