using Booking.Grains.Interfaces.Model;

namespace Booking.Silo.Messages;

/// <summary>A booking with what its calendar event shows besides the booking itself.</summary>
public sealed record CalendarEntry
{
    public required BookingRecord Booking { get; init; }

    public required string ResourceName { get; init; }

    /// <summary>The resource's IANA time zone.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The booking's page.</summary>
    public Uri? Url { get; init; }

    /// <summary>The organizer's address (the engine's sender address).</summary>
    public string? Organizer { get; init; }

    /// <summary>The attendee's address, if the file goes to them.</summary>
    public string? Attendee { get; init; }

    public string? AttendeeName { get; init; }
}
