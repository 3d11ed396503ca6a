using Booking.Grains.Interfaces.Model;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Booking.Silo.Messages;

/// <summary>
/// iCalendar (RFC 5545) files of bookings, written with Ical.Net: one VEVENT per booking with a UID that never changes,
/// local times with the resource's TZID and its VTIMEZONE (so clients follow daylight-saving changes), and the
/// library's line folding.
/// </summary>
public static class BookingCalendar
{
    public const string ProductId = "-//Booking engine//Bookings//EN";
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
    public const string Publish = "PUBLISH";

    /// <summary>The UID of a booking's event: the same in every file about it, so a client updates or removes its copy.</summary>
    public static string Uid(string bookingId) => bookingId + "@booking-engine";

    /// <summary>
    /// One booking as an invitation (<see cref="Request"/>, the booking stands) or a withdrawal (<see cref="Cancel"/>).
    /// <paramref name="sequence"/> must grow with each change people were told of.
    /// </summary>
    public static string ForBooking(CalendarEntry entry, string method, int sequence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var calendar = NewCalendar(method);
        AddTimeZone(calendar, entry.TimeZone, entry.Booking.Date);
        calendar.Events.Add(Event(entry, sequence, now, cancelled: method == Cancel));
        return Serialize(calendar);
    }

    /// <summary>A feed (<see cref="Publish"/>) of several bookings, for a calendar subscription.</summary>
    public static string Feed(string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var calendar = NewCalendar(Publish);
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var group in entries.GroupBy(e => e.TimeZone, StringComparer.Ordinal))
        {
            AddTimeZone(calendar, group.Key, group.Min(e => e.Booking.Date));
            foreach (var entry in group)
            {
                calendar.Events.Add(Event(entry, sequence: entry.Booking.Status == BookingStatus.Cancelled ? 1 : 0, now, entry.Booking.Status == BookingStatus.Cancelled));
            }
        }

        return Serialize(calendar);
    }

    private static Calendar NewCalendar(string method) => new() { ProductId = ProductId, Method = method };

    private static void AddTimeZone(Calendar calendar, string timeZone, DateOnly from)
    {
        if (!IsUtc(timeZone) && calendar.TimeZones.All(z => z.TzId != timeZone))
        {
            calendar.AddTimeZone(timeZone, from.AddYears(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);
        }
    }

    private static CalendarEvent Event(CalendarEntry entry, int sequence, DateTimeOffset now, bool cancelled)
    {
        var booking = entry.Booking;
        var endDate = booking.End == TimeOnly.MinValue ? booking.Date.AddDays(1) : booking.Date;
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(booking.Id),
            Sequence = sequence,
            Summary = string.IsNullOrWhiteSpace(booking.Subject) ? entry.ResourceName : $"{entry.ResourceName}: {booking.Subject}",
            Description = booking.Notes,
            Location = entry.ResourceName,
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            Start = Local(booking.Date, booking.Start, booking.StartUtc, entry.TimeZone),
            End = Local(endDate, booking.End, booking.EndUtc, entry.TimeZone),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
        };
        if (entry.Url is not null)
        {
            calendarEvent.Url = entry.Url;
        }

        if (entry.Organizer is not null)
        {
            calendarEvent.Organizer = new Organizer("mailto:" + entry.Organizer);
        }

        if (entry.Attendee is not null)
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + entry.Attendee)
            {
                CommonName = entry.AttendeeName,
                ParticipationStatus = cancelled ? EventParticipationStatus.Declined : EventParticipationStatus.Accepted,
                Role = ParticipationRole.RequiredParticipant,
            });
        }

        return calendarEvent;
    }

    private static CalDateTime Local(DateOnly date, TimeOnly time, DateTimeOffset utc, string timeZone) =>
        IsUtc(timeZone) ? new CalDateTime(utc.UtcDateTime, CalDateTime.UtcTzId) : new CalDateTime(date, time, timeZone);

    private static bool IsUtc(string timeZone) => timeZone is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Zulu" or "Etc/Zulu";

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)
        ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
}
