namespace Booking.Tests.Runtime.TestGrains;

public interface IProbeGrain : Booking.Runtime.IGrainWithStringKey
{
    /// <summary>Enters, yields a few times, leaves; returns the most requests ever seen inside at once.</summary>
    Task<int> EnterAsync();

    /// <summary>Waits (awaiting, not blocking) until <paramref name="count"/> grains have entered the named rendezvous.</summary>
    Task RendezvousAsync(string name, int count);

    Task<string> CallOtherAsync(string otherKey);

    Task ThrowAsync(string message);

    Task ThrowSynchronously(string message);

    Task<int> GetActivationNumberAsync();

    Task DeactivateAsync();

    Task<int> GetTimerTicksAsync();

    Task StartTimerAsync(TimeSpan period);
}
