namespace Booking.Silo.Storage.Postgres;

/// <summary>A PostgreSQL migration given as plain values.</summary>
public sealed record PostgresMigration(int Id, string Name, string Sql) : IPostgresMigration;
