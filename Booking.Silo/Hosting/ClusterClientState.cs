namespace Booking.Silo.Hosting;

/// <summary>
/// What an API host in client mode knows about its link to the cluster: whether the Orleans client has connected once (its
/// start completes only when a gateway answered), and how many gateways it is connected to right now.
/// </summary>
public sealed class ClusterClientState : IClusterConnectionStatusObserver, ILifecycleParticipant<IClusterClientLifecycle>
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _gateways;

    /// <summary>Completes once the client has started: it reached a gateway and read the cluster's grain manifest.</summary>
    public Task Connected => _connected.Task;

    public bool IsConnected => _connected.Task.IsCompletedSuccessfully;

    /// <summary>Gateways with an open connection from this client.</summary>
    public int ConnectedGateways => Volatile.Read(ref _gateways);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _gateways, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _gateways, 0);

    public void Participate(IClusterClientLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(ClusterClientState), ServiceLifecycleStage.Active, _ =>
        {
            _connected.TrySetResult();
            return Task.CompletedTask;
        });
    }
}
