namespace Booking.Silo.Hosting;

/// <summary>The <c>Booking:Cluster</c> configuration section: how this process takes part in the Orleans cluster.</summary>
public sealed class BookingClusterOptions
{
    public const string SectionName = "Booking:Cluster";

    /// <summary>Booking.Web only: co-host a silo (one process) or be an Orleans client of a cluster of Booking.Silo processes.</summary>
    public ClusterRole Role { get; set; } = ClusterRole.Silo;

    public string ClusterId { get; set; } = "booking";

    /// <summary>Names the service across deployments; Orleans keys reminders and stock grain storage by it, so it never changes.</summary>
    public string ServiceId { get; set; } = "booking";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
