namespace Booking.Silo.Hosting;

/// <summary>The <c>Booking:Storage</c> configuration section.</summary>
public sealed class BookingStorageOptions
{
    public const string SectionName = "Booking:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=booking.db";

    /// <summary>PostgreSQL only: the provider of grains whose state has no projection.</summary>
    public GrainStorageKind GrainStorage { get; set; } = GrainStorageKind.GroupCommit;
}
