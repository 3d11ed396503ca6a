using Booking.Grains.Interfaces.Model;
using Booking.Silo.Messages;
using Ical.Net;

namespace Booking.Tests.Messages;

/// <summary>Calendar files: parseable by Ical.Net, folded per RFC 5545, correct across daylight-saving changes.</summary>
public sealed class BookingCalendarTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2027, 3, 27, "2027-03-27T09:00:00Z")] // Saturday: Paris is UTC+1
    [InlineData(2027, 3, 29, "2027-03-29T08:00:00Z")] // Monday after the switch: UTC+2
    [InlineData(2027, 10, 31, "2027-10-31T09:00:00Z")] // the day it switches back: UTC+1 again by 10:00
    public void A_local_ten_o_clock_in_Paris_reads_back_as_the_right_instant_on_either_side_of_a_clock_change(int year, int month, int day, string utc)
    {
        var date = new DateOnly(year, month, day);
        var start = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var ics = BookingCalendar.ForBooking(Entry(Booking(date, start)), BookingCalendar.Request, 0, Now);

        var calendar = Calendar.Load(ics)!;
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Paris", invitation.DtStart!.TzId);
        Assert.Equal(new TimeOnly(10, 0), invitation.DtStart.Time);
        Assert.Equal(start.UtcDateTime, invitation.DtStart.AsUtc);
        Assert.Equal(start.AddHours(1).UtcDateTime, invitation.DtEnd!.AsUtc);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Paris", zone.TzId);
        Assert.Contains("BEGIN:DAYLIGHT", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_and_non_ascii_text_is_folded_at_75_octets_with_CRLF_and_reads_back_whole()
    {
        var subject = string.Concat(Enumerable.Repeat("Séance d'été, café & crème — ", 8));
        var booking = Booking(new DateOnly(2027, 3, 2), new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero)) with { Subject = subject };

        var ics = BookingCalendar.ForBooking(Entry(booking), BookingCalendar.Cancel, 3, Now);

        MailSteps.AssertFolded(ics);
        var calendar = Calendar.Load(ics)!;
        Assert.Equal("CANCEL", calendar.Method);
        var cancelled = Assert.Single(calendar.Events);
        Assert.Equal("Salle Ada: " + subject, cancelled.Summary);
        Assert.Equal(3, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(BookingCalendar.Uid("b1"), cancelled.Uid);
    }

    [Fact]
    public void A_booking_in_UTC_needs_no_time_zone_and_one_ending_at_midnight_ends_the_next_day()
    {
        var booking = Booking(new DateOnly(2027, 3, 2), new DateTimeOffset(2027, 3, 2, 23, 0, 0, TimeSpan.Zero)) with { Start = new TimeOnly(23, 0), End = TimeOnly.MinValue };

        var calendar = Calendar.Load(BookingCalendar.ForBooking(Entry(booking) with { TimeZone = "UTC" }, BookingCalendar.Request, 0, Now))!;

        Assert.Empty(calendar.TimeZones);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2027, 3, 3, 0, 0, 0, DateTimeKind.Utc), invitation.DtEnd!.AsUtc);
    }

    private static CalendarEntry Entry(BookingRecord booking) => new()
    {
        Booking = booking,
        ResourceName = "Salle Ada",
        TimeZone = "Europe/Paris",
        Organizer = "bookings@example.com",
        Attendee = "ada@example.com",
        AttendeeName = "Ada",
        Url = new Uri("http://localhost/api/v1/bookings/b1"),
    };

    private static BookingRecord Booking(DateOnly date, DateTimeOffset startUtc) => new()
    {
        Id = "b1",
        ResourceId = "r",
        Date = date,
        Start = new TimeOnly(10, 0),
        End = new TimeOnly(11, 0),
        StartUtc = startUtc,
        EndUtc = startUtc.AddHours(1),
        UserId = "u",
        Status = BookingStatus.Confirmed,
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
