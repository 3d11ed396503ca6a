namespace Booking.Web.Cluster;

/// <summary>
/// When grains can be called from this host. With a co-hosted silo they can as soon as the hosted services after the silo
/// start (the silo's own start comes first). In client mode the hosted services start together, so that the API listens
/// (health answers, the rest 503) while the Orleans client still waits for a silo; start-up work that calls grains waits
/// here for the client's connection.
/// </summary>
internal sealed class ClusterStartup(Task grainsReachable)
{
    public static ClusterStartup CoHosted { get; } = new(Task.CompletedTask);

    public Task WhenGrainsReachableAsync(CancellationToken cancellationToken) => grainsReachable.WaitAsync(cancellationToken);
}
