using Booking.Grains.Interfaces.Model;

namespace Booking.Tests.Load;

/// <summary>How one request of a rush ended: an answer, or the exception the call failed with.</summary>
internal sealed record RushOutcome(RushAsk Ask, BookingOutcome? Answer, Exception? Error)
{
    public bool IsConfirmed => Answer?.IsSuccess == true;

    public bool IsSettled => Answer is not null;
}
