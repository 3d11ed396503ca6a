namespace Booking.Grains.Messages;

/// <summary>Where a delivery stands.</summary>
public static class DeliveryStatuses
{
    /// <summary>Waiting to go out (not yet due, not yet tried, or tried and due again; or no mail server is configured).</summary>
    public const string Pending = "pending";

    /// <summary>Accepted by the mail server.</summary>
    public const string Sent = "sent";

    /// <summary>Given up: the server refused it for good, or every attempt failed.</summary>
    public const string Dead = "dead";

    /// <summary>Not sent on purpose: the booking was cancelled before its reminder, or there was nobody to write to.</summary>
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Dead, Skipped];
}
