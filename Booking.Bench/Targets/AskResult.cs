namespace Booking.Bench.Targets;

/// <summary>The answer to one request: its outcome, the booking id when confirmed, the refusal code or error otherwise.</summary>
internal readonly record struct AskResult(AskOutcome Outcome, string? BookingId = null, string? Detail = null)
{
    public static AskResult Confirmed(string bookingId) => new(AskOutcome.Confirmed, bookingId);

    public static AskResult Failed(Exception exception) => new(AskOutcome.Failed, Detail: $"{exception.GetType().Name}: {exception.Message}");
}
