namespace Booking.Silo.Hosting;

/// <summary>What a Booking.Web process is in the cluster (<c>Booking:Cluster:Role</c>).</summary>
public enum ClusterRole
{
    /// <summary>Co-hosts a silo: the API and the grains in one process (the default).</summary>
    Silo,

    /// <summary>An Orleans client of a cluster of Booking.Silo processes (PostgreSQL membership required).</summary>
    Client,
}
