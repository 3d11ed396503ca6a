using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class CapacitySweepTests
{
    [Fact]
    public void Occupancy_segments_show_the_count_and_remaining_capacity_of_each_range()
    {
        var salon = Salon(capacity: 2);
        var bookings = new[]
        {
            Booked(salon, At(salon, Monday, "09:00", "10:00")),
            Booked(salon, At(salon, Monday, "09:30", "10:30")),
            Booked(salon, At(salon, Monday, "10:30", "11:00")),
            Booked(salon, At(salon, Monday, "14:00", "15:00"), BookingStatus.Cancelled),
        };

        var segments = CapacitySweep.Segments(bookings, salon.Capacity, Now);

        Assert.Equal(
            ["09:00-09:30 1/1", "09:30-10:00 2/0", "10:00-11:00 1/1"],
            segments.Select(s => $"{s.Start:HH:mm}-{s.End:HH:mm} {s.Booked}/{s.Remaining}"));
    }

    [Fact]
    public void A_booking_until_midnight_ends_its_segment_at_midnight()
    {
        var salon = Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Monday, new(0, 0), new(0, 0))] };
        var late = Booked(salon, At(salon, Monday, "23:00", "00:00"));

        var segment = Assert.Single(CapacitySweep.Segments([late], 3, Now));

        Assert.Equal((new TimeOnly(23, 0), TimeOnly.MinValue), (segment.Start, segment.End));
    }

    [Fact]
    public void Touching_bookings_never_overlap()
    {
        var salon = Salon(capacity: 1);
        var bookings = new[]
        {
            Booked(salon, At(salon, Monday, "09:00", "10:00")),
            Booked(salon, At(salon, Monday, "10:00", "11:00")),
        };

        Assert.Equal(1, CapacitySweep.MaxConcurrent(bookings, bookings[0].StartUtc, bookings[1].EndUtc, Now));
    }
}
