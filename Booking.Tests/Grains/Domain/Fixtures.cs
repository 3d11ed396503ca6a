using Booking.Grains.Interfaces.Model;

namespace Booking.Tests.Grains.Domain;

/// <summary>Resources shaped like the seeds, in Europe/Paris, and helpers to build requests and bookings.</summary>
internal static class Fixtures
{
    public const string Paris = "Europe/Paris";

    /// <summary>A Monday.</summary>
    public static readonly DateOnly Monday = new(2027, 3, 1);

    /// <summary>Thursday before <see cref="Monday"/>, 09:00 in Paris.</summary>
    public static readonly DateTimeOffset Now = new(2027, 2, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>EduConnect mentor: weekdays 09:00–12:00 and 14:00–18:00, 30-minute slots, 30/60/90/120-minute sessions.</summary>
    public static ResourceDefinition Mentor() => new()
    {
        Id = "mentor-1",
        Kind = ResourceKind.Mentor,
        Name = "Ada",
        OwnerId = "ada",
        TimeZone = Paris,
        SlotMinutes = 30,
        Durations = [30, 60, 90, 120],
        Weekly = [.. Weekdays().SelectMany(d => new[] { WeeklyWindow.Of(d, new(9, 0), new(12, 0)), WeeklyWindow.Of(d, new(14, 0), new(18, 0)) })],
        BookingWindowDays = 60,
    };

    /// <summary>FlexPark slot: every day 07:00–20:00, morning / afternoon / day.</summary>
    public static ResourceDefinition ParkingSlot() => new()
    {
        Id = "slot-1",
        Kind = ResourceKind.ParkingSlot,
        Name = "A1",
        ParentId = "site-1",
        TimeZone = Paris,
        SlotMinutes = 60,
        Periods = ParkingPeriods(),
        Weekly = [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, new(7, 0), new(20, 0)))],
        BookingWindowDays = 30,
    };

    /// <summary>Wortis salon service: three chairs, Tuesday–Saturday 08:00–18:00, 60-minute grid.</summary>
    public static ResourceDefinition Salon(int capacity = 3) => new()
    {
        Id = "coiffure",
        Kind = ResourceKind.Service,
        Name = "Coiffure",
        Capacity = capacity,
        TimeZone = Paris,
        SlotMinutes = 30,
        Weekly = [.. Weekdays().Append(DayOfWeek.Saturday).Select(d => WeeklyWindow.Of(d, new(8, 0), new(18, 0)))],
        BookingWindowDays = 90,
    };

    public static Dictionary<string, TimeWindow> ParkingPeriods() => new()
    {
        ["morning"] = TimeWindow.Of(new(7, 0), new(13, 0)),
        ["afternoon"] = TimeWindow.Of(new(13, 0), new(20, 0)),
        ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)),
    };

    public static IEnumerable<DayOfWeek> Weekdays() =>
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static BookRequest At(ResourceDefinition resource, DateOnly date, string start, string end, string user = "u1") => new()
    {
        UserId = user,
        ResourceId = resource.Id,
        Date = date,
        Start = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        End = TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static BookRequest For(ResourceDefinition resource, DateOnly date, string start, int minutes, string user = "u1") => new()
    {
        UserId = user,
        ResourceId = resource.Id,
        Date = date,
        Start = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        DurationMinutes = minutes,
    };

    public static BookRequest Period(ResourceDefinition resource, DateOnly date, string period, string user = "u1") => new()
    {
        UserId = user,
        ResourceId = resource.Id,
        Date = date,
        Period = period,
    };

    private static int _next;

    /// <summary>A booking of <paramref name="resource"/> with the interval the rules accept for <paramref name="request"/> (fails the test if refused).</summary>
    public static BookingRecord Booked(ResourceDefinition resource, BookRequest request, BookingStatus status = BookingStatus.Confirmed, DateTimeOffset? holdExpiresAt = null)
    {
        var decision = Booking.Grains.Domain.BookingRules.Decide(resource, request, [], Now);
        Assert.True(decision.IsAccepted, decision.Error?.Message);
        return ToRecord(resource, request, decision.Interval, status, holdExpiresAt);
    }

    internal static BookingRecord ToRecord(ResourceDefinition resource, BookRequest request, Booking.Grains.Domain.ResolvedInterval interval, BookingStatus status = BookingStatus.Confirmed, DateTimeOffset? holdExpiresAt = null) => new()
    {
        Id = $"b{Interlocked.Increment(ref _next)}",
        ResourceId = resource.Id,
        ResourceKind = resource.Kind,
        Date = interval.Date,
        Start = interval.Start,
        End = interval.End,
        StartUtc = interval.StartUtc,
        EndUtc = interval.EndUtc,
        Period = interval.Period,
        UserId = request.UserId,
        Status = status,
        CreatedAt = Now,
        UpdatedAt = Now,
        HoldExpiresAt = holdExpiresAt,
    };
}
