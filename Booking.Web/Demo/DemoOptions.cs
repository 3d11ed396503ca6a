using Booking.Silo.Hosting;

namespace Booking.Web.Demo;

/// <summary>First-run demo data (<c>Booking:Demo</c>).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Booking:Demo";

    /// <summary>Whether to seed demo data into an empty database; unset means yes on SQLite (the default store) and no otherwise.</summary>
    public bool? Enabled { get; set; }

    public bool IsEnabledFor(StorageProvider provider) => Enabled ?? provider == StorageProvider.Sqlite;
}
