namespace Booking.Silo.Storage;

/// <summary>One schema step as the migrators apply it, whichever provider interface it was registered through.</summary>
internal sealed record StorageMigration(int Id, string Name, string Sql);
