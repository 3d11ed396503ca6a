namespace Booking.Tests.Runtime.TestGrains;

public interface IFailingActivationGrain : Booking.Runtime.IGrainWithStringKey
{
    Task<string> PingAsync();
}
