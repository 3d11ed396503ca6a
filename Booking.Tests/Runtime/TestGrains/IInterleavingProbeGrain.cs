using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public interface IInterleavingProbeGrain : IGrainWithStringKey
{
    /// <summary>Waits for the named rendezvous (a normal, non-interleaving request).</summary>
    Task WaitAsync(string name, int count);

    /// <summary>Joins the rendezvous from a request that always interleaves.</summary>
    [AlwaysInterleave]
    Task ArriveInterleavedAsync(string name, int count);

    /// <summary>Joins the rendezvous from a read-only request.</summary>
    [ReadOnly]
    Task ReadAsync(string name, int count);

    Task KeepAliveAsync(TimeSpan duration);

    Task<int> GetActivationNumberAsync();
}
