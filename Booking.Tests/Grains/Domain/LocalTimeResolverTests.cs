using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class LocalTimeResolverTests
{
    private static readonly TimeZoneInfo ParisZone = LocalTimeResolver.FindZone(Paris)!;

    [Fact]
    public void A_time_in_the_spring_forward_gap_is_an_invalid_local_time()
    {
        var (_, error) = LocalTimeResolver.ToUtc(new DateOnly(2027, 3, 28), 2 * 60 + 30, ParisZone);

        Assert.Equal(BookingErrorCodes.InvalidLocalTime, error?.Code);
        Assert.Contains("does not exist", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_in_the_repeated_fall_back_hour_is_an_invalid_local_time()
    {
        var (_, error) = LocalTimeResolver.ToUtc(new DateOnly(2027, 10, 31), 2 * 60 + 30, ParisZone);

        Assert.Equal(BookingErrorCodes.InvalidLocalTime, error?.Code);
        Assert.Contains("happens twice", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-03-28", 60 + 59, "2027-03-28T00:59:00Z")]
    [InlineData("2027-03-28", 3 * 60, "2027-03-28T01:00:00Z")]
    [InlineData("2027-10-31", 60 + 59, "2027-10-30T23:59:00Z")]
    [InlineData("2027-10-31", 3 * 60, "2027-10-31T02:00:00Z")]
    [InlineData("2027-07-14", 9 * 60, "2027-07-14T07:00:00Z")]
    [InlineData("2027-01-15", 24 * 60, "2027-01-15T23:00:00Z")]
    public void Times_around_a_clock_change_convert_with_the_offset_in_force(string date, int minute, string expectedUtc)
    {
        var (utc, error) = LocalTimeResolver.ToUtc(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), minute, ParisZone);

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void Booking_into_the_spring_forward_gap_is_refused_with_invalid_local_time()
    {
        var resource = Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Sunday, new(0, 0), new(0, 0))], BookingWindowDays = null };

        var decision = BookingRules.Decide(resource, At(resource, new(2027, 3, 28), "02:30", "03:30"), [], Now);

        Assert.Equal(BookingErrorCodes.InvalidLocalTime, decision.Error?.Code);
    }

    [Fact]
    public void Booking_that_ends_in_the_repeated_hour_is_refused_with_invalid_local_time()
    {
        var resource = Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Sunday, new(0, 0), new(0, 0))], BookingWindowDays = null };

        var decision = BookingRules.Decide(resource, At(resource, new(2027, 10, 31), "01:30", "02:30"), [], Now);

        Assert.Equal(BookingErrorCodes.InvalidLocalTime, decision.Error?.Code);
    }

    [Fact]
    public void Booking_across_the_fall_back_hour_keeps_its_real_length_in_utc()
    {
        var resource = Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Sunday, new(0, 0), new(0, 0))], BookingWindowDays = null };

        var decision = BookingRules.Decide(resource, At(resource, new(2027, 10, 31), "01:30", "03:30"), [], Now);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
        Assert.Equal(TimeSpan.FromHours(3), decision.Interval.EndUtc - decision.Interval.StartUtc);
    }

    [Fact]
    public void An_unknown_time_zone_is_not_found()
    {
        Assert.Null(LocalTimeResolver.FindZone("Mars/Olympus"));
        Assert.Null(LocalTimeResolver.FindZone(""));
        Assert.NotNull(LocalTimeResolver.FindZone("America/New_York"));
    }

    [Fact]
    public void Today_is_counted_in_the_resource_zone()
    {
        var lateEvening = new DateTimeOffset(2027, 2, 28, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 3, 1), LocalTimeResolver.TodayIn(ParisZone, lateEvening));
    }
}
