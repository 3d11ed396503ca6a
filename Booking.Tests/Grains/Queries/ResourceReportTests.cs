using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Tests.Grains.Domain;

namespace Booking.Tests.Grains.Queries;

/// <summary>Occupancy against the schedule and revenue at the current price, from a resource's bookings figures.</summary>
public sealed class ResourceReportTests
{
    private static readonly DateOnly Sunday = Fixtures.Monday.AddDays(6);

    [Fact]
    public void Available_minutes_follow_the_weekly_windows_and_dated_exceptions_times_the_capacity()
    {
        // Weekdays 09:00-12:00 and 14:00-18:00 (7 h); Monday closed, Saturday opened 10:00-12:00 by exception.
        var mentor = Fixtures.Mentor() with
        {
            Capacity = 3,
            Price = 40m,
            Currency = "EUR",
            Exceptions = [ScheduleException.ClosedOn(Fixtures.Monday), ScheduleException.OpenOn(Fixtures.Monday.AddDays(5), TimeWindow.Of(new(10, 0), new(12, 0)))],
        };
        var stats = new BookingStats { ResourceId = mentor.Id, From = Fixtures.Monday, To = Sunday, Bookings = 7, Confirmed = 3, Completed = 2, Cancellations = 1, NoShows = 1, OccupiedMinutes = 300 };

        var report = ResourceReport.For(mentor, stats);

        Assert.Equal(((4 * 7 * 60) + 120) * 3, report.Occupancy.AvailableMinutes);
        Assert.Equal(300, report.Occupancy.OccupiedMinutes);
        Assert.Equal(Math.Round(300d / 5400, 4), report.Occupancy.Ratio);
        Assert.Equal((5, 200m, 40m, "EUR"), (report.Revenue!.BilledBookings, report.Revenue.Amount, report.Revenue.UnitPrice, report.Revenue.Currency));
        Assert.Equal((7, 1, 1), (report.Bookings, report.Cancellations, report.NoShows));
    }

    [Fact]
    public void A_resource_without_a_price_or_an_open_minute_has_no_revenue_and_no_ratio()
    {
        var closed = Fixtures.Mentor() with { Weekly = [] };

        var report = ResourceReport.For(closed, new BookingStats { ResourceId = closed.Id, From = Fixtures.Monday, To = Sunday, Confirmed = 1, OccupiedMinutes = 60 });

        Assert.Null(report.Revenue);
        Assert.Equal(0, report.Occupancy.AvailableMinutes);
        Assert.Null(report.Occupancy.Ratio);
    }
}
