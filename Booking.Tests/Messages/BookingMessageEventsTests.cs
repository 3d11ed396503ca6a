using Booking.Grains.Interfaces.Model;
using Booking.Grains.Messages;

namespace Booking.Tests.Messages;

/// <summary>Which resource-day changes tell people something.</summary>
public sealed class BookingMessageEventsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly ResourceDefinition Resource = new() { Id = "r", Kind = ResourceKind.Mentor, Name = "Ada", OwnerId = "owner", TimeZone = "Europe/Paris" };

    [Fact]
    public void A_new_confirmed_booking_is_created_a_new_hold_tells_nobody_and_a_confirmed_hold_is_created()
    {
        var hold = Booking("h", BookingStatus.Pending);

        Assert.Empty(BookingMessageEvents.For([], [hold], Resource, Now));
        var created = Assert.Single(BookingMessageEvents.For([], [Booking("b", BookingStatus.Confirmed)], Resource, Now));
        var fromHold = Assert.Single(BookingMessageEvents.For([hold], [hold with { Status = BookingStatus.Confirmed }], Resource, Now));

        Assert.Equal(MessageEventKinds.BookingCreated, created.Kind);
        Assert.Equal("b.created", created.Id);
        Assert.Equal(0, created.Sequence);
        Assert.Equal("owner", created.Resource!.OwnerId);
        Assert.Equal("Europe/Paris", created.Resource.TimeZone);
        Assert.Equal(MessageEventKinds.BookingCreated, fromHold.Kind);
    }

    [Fact]
    public void Cancelling_a_booking_is_cancelled_with_a_higher_sequence_but_an_expiring_or_released_hold_tells_nobody()
    {
        var booking = Booking("b", BookingStatus.Confirmed);
        var hold = Booking("h", BookingStatus.Pending);

        var cancelled = Assert.Single(BookingMessageEvents.For([booking], [booking with { Status = BookingStatus.Cancelled }], Resource, Now));
        Assert.Empty(BookingMessageEvents.For([hold], [hold with { Status = BookingStatus.Cancelled }], Resource, Now));

        Assert.Equal(MessageEventKinds.BookingCancelled, cancelled.Kind);
        Assert.Equal("b.cancelled", cancelled.Id);
        Assert.True(cancelled.Sequence > 0);
    }

    [Fact]
    public void Check_in_no_show_and_completion_are_events_once_each()
    {
        var booking = Booking("b", BookingStatus.Confirmed);
        var checkedIn = booking with { CheckedInAt = Now };

        Assert.Equal(MessageEventKinds.BookingCheckedIn, Assert.Single(BookingMessageEvents.For([booking], [checkedIn], Resource, Now)).Kind);
        Assert.Empty(BookingMessageEvents.For([checkedIn], [checkedIn with { UpdatedAt = Now.AddMinutes(1) }], Resource, Now));
        Assert.Equal(MessageEventKinds.BookingNoShow, Assert.Single(BookingMessageEvents.For([booking], [booking with { Status = BookingStatus.NoShow }], Resource, Now)).Kind);
        Assert.Equal(MessageEventKinds.BookingCompleted, Assert.Single(BookingMessageEvents.For([checkedIn], [checkedIn with { Status = BookingStatus.Completed }], Resource, Now)).Kind);
    }

    private static BookingRecord Booking(string id, BookingStatus status) => new()
    {
        Id = id,
        ResourceId = "r",
        Date = new DateOnly(2027, 3, 2),
        Start = new TimeOnly(10, 0),
        End = new TimeOnly(11, 0),
        StartUtc = new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero),
        EndUtc = new DateTimeOffset(2027, 3, 2, 10, 0, 0, TimeSpan.Zero),
        UserId = "u",
        Status = status,
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
