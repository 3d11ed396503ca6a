using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class RequestResolverTests
{
    [Fact]
    public void Start_and_end_resolve_to_that_interval()
    {
        var (interval, error) = RequestResolver.Resolve(Mentor(), At(Mentor(), Monday, "09:30", "11:00"));

        Assert.Null(error);
        Assert.Equal((570, 660, (string?)null), (interval.StartMinute, interval.EndMinute, interval.Period));
    }

    [Fact]
    public void Start_and_duration_resolve_to_start_plus_duration()
    {
        var (interval, error) = RequestResolver.Resolve(Mentor(), For(Mentor(), Monday, "14:00", 120));

        Assert.Null(error);
        Assert.Equal((840, 960), (interval.StartMinute, interval.EndMinute));
    }

    [Theory]
    [InlineData("morning", 420, 780)]
    [InlineData("afternoon", 780, 1200)]
    [InlineData("day", 420, 1200)]
    [InlineData("MORNING", 420, 780)]
    public void A_named_period_resolves_to_its_window_and_day_spans_both_halves(string period, int start, int end)
    {
        var (interval, error) = RequestResolver.Resolve(ParkingSlot(), Period(ParkingSlot(), Monday, period));

        Assert.Null(error);
        Assert.Equal((start, end, period.ToLowerInvariant()), (interval.StartMinute, interval.EndMinute, interval.Period));
    }

    [Fact]
    public void An_unknown_period_is_a_validation_error_that_lists_the_known_ones()
    {
        var (_, error) = RequestResolver.Resolve(ParkingSlot(), Period(ParkingSlot(), Monday, "night"));

        Assert.Equal(BookingErrorCodes.ValidationFailed, error?.Code);
        Assert.Contains("morning", error!.Message, StringComparison.Ordinal);
    }

    public static TheoryData<BookRequest> MalformedRequests()
    {
        var baseRequest = new BookRequest { UserId = "u", ResourceId = "r", Date = Monday };
        return new TheoryData<BookRequest>
        {
            baseRequest,
            baseRequest with { Start = new(9, 0) },
            baseRequest with { End = new(10, 0) },
            baseRequest with { DurationMinutes = 60 },
            baseRequest with { Start = new(9, 0), End = new(10, 0), DurationMinutes = 60 },
            baseRequest with { Start = new(9, 0), End = new(10, 0), Period = "morning" },
            baseRequest with { Period = "morning", DurationMinutes = 60 },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void A_request_that_gives_its_time_in_none_or_several_ways_is_a_validation_error(BookRequest request)
    {
        var (_, error) = RequestResolver.Resolve(ParkingSlot(), request);

        Assert.Equal(BookingErrorCodes.ValidationFailed, error?.Code);
    }

    [Theory]
    [InlineData("10:00", "09:00")]
    [InlineData("10:00", "10:00")]
    public void An_end_not_after_the_start_is_a_validation_error(string start, string end)
    {
        var (_, error) = RequestResolver.Resolve(Salon(), At(Salon(), Monday, start, end));

        Assert.Equal(BookingErrorCodes.ValidationFailed, error?.Code);
    }

    [Fact]
    public void An_end_of_midnight_means_the_end_of_the_date()
    {
        var (interval, error) = RequestResolver.Resolve(Salon(), At(Salon(), Monday, "23:00", "00:00"));

        Assert.Null(error);
        Assert.Equal(1440, interval.EndMinute);
    }

    [Fact]
    public void A_duration_that_runs_past_midnight_is_a_validation_error()
    {
        var (_, error) = RequestResolver.Resolve(Salon(), For(Salon(), Monday, "23:30", 60));

        Assert.Equal(BookingErrorCodes.ValidationFailed, error?.Code);
    }

    [Theory]
    [InlineData("09:00", "09:45")]
    [InlineData("09:00", "12:00")]
    public void A_length_outside_the_allowed_durations_is_invalid_duration(string start, string end)
    {
        var (_, error) = RequestResolver.Resolve(Mentor(), At(Mentor(), Monday, start, end));

        Assert.Equal(BookingErrorCodes.InvalidDuration, error?.Code);
        Assert.Contains("30, 60, 90, 120", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-30)]
    public void A_duration_not_allowed_is_invalid_duration(int minutes)
    {
        var (_, error) = RequestResolver.Resolve(Mentor(), For(Mentor(), Monday, "09:00", minutes));

        Assert.Equal(BookingErrorCodes.InvalidDuration, error?.Code);
    }

    [Theory]
    [InlineData("09:15", 60)]
    [InlineData("09:10", 30)]
    public void A_start_off_the_slot_grid_is_misaligned(string start, int minutes)
    {
        var (_, error) = RequestResolver.Resolve(Mentor(), For(Mentor(), Monday, start, minutes));

        Assert.Equal(BookingErrorCodes.MisalignedSlot, error?.Code);
    }

    [Fact]
    public void An_end_off_the_slot_grid_is_misaligned_when_any_length_is_allowed()
    {
        var (_, error) = RequestResolver.Resolve(Salon(), At(Salon(), Monday, "09:00", "09:45"));

        Assert.Equal(BookingErrorCodes.MisalignedSlot, error?.Code);
    }

    [Fact]
    public void A_time_with_seconds_is_misaligned()
    {
        var request = For(Salon(), Monday, "09:00", 30) with { Start = new TimeOnly(9, 0, 30) };

        var (_, error) = RequestResolver.Resolve(Salon(), request);

        Assert.Equal(BookingErrorCodes.MisalignedSlot, error?.Code);
    }

    [Fact]
    public void Without_a_duration_list_any_multiple_of_the_slot_is_accepted()
    {
        var (interval, error) = RequestResolver.Resolve(Salon(), For(Salon(), Monday, "08:30", 150));

        Assert.Null(error);
        Assert.Equal(150, interval.LengthMinutes);
    }
}
