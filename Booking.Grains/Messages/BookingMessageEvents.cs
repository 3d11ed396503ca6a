using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Messages;

/// <summary>Which message events a resource-day write causes: one per booking status change people are told about.</summary>
public static class BookingMessageEvents
{
    /// <summary>
    /// The events of the rows in <paramref name="changed"/>, compared with the same rows in <paramref name="before"/>: a
    /// booking confirmed (made, or a hold turned into one), cancelled after being confirmed, checked in, a no-show or
    /// completed. Holds that are taken, released or expire tell nobody.
    /// </summary>
    public static IReadOnlyList<MessageEvent> For(
        IReadOnlyList<BookingRecord> before,
        IReadOnlyList<BookingRecord> changed,
        ResourceDefinition? resource,
        DateTimeOffset now)
    {
        List<MessageEvent> events = [];
        foreach (var row in changed)
        {
            var previous = before.FirstOrDefault(b => b.Id == row.Id);
            var wasConfirmed = previous is { Status: BookingStatus.Confirmed };
            if (row.Status == BookingStatus.Confirmed && previous is null or { Status: BookingStatus.Pending })
            {
                events.Add(Event(MessageEventKinds.BookingCreated, row, resource, now, sequence: 0));
            }
            else if (row.Status == BookingStatus.Cancelled && wasConfirmed)
            {
                events.Add(Event(MessageEventKinds.BookingCancelled, row, resource, now, sequence: 1));
            }
            else if (row.Status == BookingStatus.NoShow && wasConfirmed)
            {
                events.Add(Event(MessageEventKinds.BookingNoShow, row, resource, now, sequence: 0));
            }
            else if (row.Status == BookingStatus.Completed && wasConfirmed)
            {
                events.Add(Event(MessageEventKinds.BookingCompleted, row, resource, now, sequence: 0));
            }

            if (row.CheckedInAt is not null && previous is { CheckedInAt: null })
            {
                events.Add(Event(MessageEventKinds.BookingCheckedIn, row, resource, now, sequence: 0));
            }
        }

        return events;
    }

    private static MessageEvent Event(string kind, BookingRecord booking, ResourceDefinition? resource, DateTimeOffset now, int sequence) => new()
    {
        // Each of these changes happens at most once to a booking, so the id is stable if the same change is recorded again.
        Id = booking.Id + "." + kind["booking.".Length..],
        Kind = kind,
        OccurredAt = now,
        UserId = booking.UserId,
        Booking = booking,
        Resource = resource is null ? null : new MessageResource
        {
            Id = resource.Id,
            Name = resource.Name,
            Kind = resource.Kind,
            TimeZone = resource.TimeZone,
            OwnerId = resource.OwnerId,
        },
        Sequence = sequence,
    };
}
