using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

public sealed class ResourceValidatorTests
{
    [Fact]
    public void The_seed_shaped_resources_are_valid()
    {
        Assert.Null(ResourceValidator.Validate(Mentor()));
        Assert.Null(ResourceValidator.Validate(ParkingSlot()));
        Assert.Null(ResourceValidator.Validate(Salon()));
    }

    public static TheoryData<ResourceDefinition, string> InvalidResources() => new()
    {
        { Mentor() with { Name = " " }, "name" },
        { Mentor() with { Capacity = 0 }, "capacity" },
        { Mentor() with { TimeZone = "Europe/Atlantis" }, "timeZone" },
        { Mentor() with { SlotMinutes = 7 }, "slotMinutes" },
        { Mentor() with { Durations = [45] }, "duration 45" },
        { Mentor() with { Durations = [30, 30] }, "repeat" },
        { Mentor() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Monday, new(12, 0), new(9, 0))] }, "must end after it starts" },
        { Mentor() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Monday, new(9, 0), new(12, 0)), WeeklyWindow.Of(DayOfWeek.Monday, new(11, 0), new(13, 0))] }, "overlapping windows on monday" },
        { Mentor() with { Exceptions = [ScheduleException.ClosedOn(Monday), ScheduleException.ClosedOn(Monday)] }, "more than one exception" },
        { Mentor() with { Exceptions = [new ScheduleException { Date = Monday, Closed = true, Windows = [TimeWindow.Of(new(9, 0), new(10, 0))] }] }, "both closed" },
        { ParkingSlot() with { Periods = new Dictionary<string, TimeWindow> { ["night"] = TimeWindow.Of(new(20, 0), new(7, 0)) } }, "period 'night'" },
        { Mentor() with { BookingWindowDays = -1 }, "bookingWindowDays" },
        { Mentor() with { MinNoticeMinutes = -1 }, "minNoticeMinutes" },
        { Mentor() with { CancellationCutoffMinutes = -5 }, "cancellationCutoffMinutes" },
        { Mentor() with { Price = -1m }, "price" },
        { Mentor() with { Currency = "euro" }, "currency" },
    };

    [Theory]
    [MemberData(nameof(InvalidResources))]
    public void An_invalid_resource_is_refused_with_a_message_naming_the_problem(ResourceDefinition resource, string problem)
    {
        var error = ResourceValidator.Validate(resource);

        Assert.Equal(BookingErrorCodes.ValidationFailed, error?.Code);
        Assert.Contains(problem, error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_until_midnight_is_valid()
    {
        Assert.Null(ResourceValidator.Validate(Salon() with { Weekly = [WeeklyWindow.Of(DayOfWeek.Friday, new(18, 0), new(0, 0))] }));
    }

    [Fact]
    public void Windows_on_different_days_may_share_hours_and_touching_windows_do_not_overlap()
    {
        var schedule = new ResourceSchedule
        {
            Weekly =
            [
                WeeklyWindow.Of(DayOfWeek.Monday, new(9, 0), new(12, 0)),
                WeeklyWindow.Of(DayOfWeek.Monday, new(12, 0), new(14, 0)),
                WeeklyWindow.Of(DayOfWeek.Tuesday, new(9, 0), new(12, 0)),
            ],
        };

        Assert.Null(ResourceValidator.ValidateSchedule(schedule));
    }
}
