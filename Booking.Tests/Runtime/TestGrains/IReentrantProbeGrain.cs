namespace Booking.Tests.Runtime.TestGrains;

public interface IReentrantProbeGrain : Booking.Runtime.IGrainWithStringKey
{
    Task RendezvousAsync(string name, int count);

    Task<int> EnterAsync();
}
