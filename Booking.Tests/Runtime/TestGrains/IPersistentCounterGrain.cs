namespace Booking.Tests.Runtime.TestGrains;

public interface IPersistentCounterGrain : Booking.Runtime.IGrainWithStringKey
{
    /// <summary>Adds one and persists; returns the new value.</summary>
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>The value the state held when OnActivateAsync ran.</summary>
    Task<int> GetValueSeenOnActivateAsync();
}
