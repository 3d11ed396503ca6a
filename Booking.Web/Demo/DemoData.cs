using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Demo;

/// <summary>
/// What the first run seeds: fixed ids and addresses, so that every step can tell whether it ran already. All resources
/// are in UTC, so the demo behaves the same on every machine.
/// </summary>
internal static class DemoData
{
    public const string AdminEmail = "admin@demo.example.com";
    public const string ProviderEmail = "provider@demo.example.com";
    public const string MentorEmail = "mentor@demo.example.com";
    public const string MemberEmail = "member@demo.example.com";

    public const string SiteId = "demo-parking";
    public const string MentorId = "demo-mentor";
    public const string SalonId = "demo-salon";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>A car park with 20 slots (1 to 20), open every day 07:00-20:00 with morning, afternoon and day periods.</summary>
    public static CreateSiteRequest Site(string ownerId) => new()
    {
        Name = "Demo car park",
        Address = "1 Demo Street",
        SlotCount = 20,
        OwnerId = ownerId,
    };

    /// <summary>A mentor bookable Monday to Friday 09:00-17:00 for 30, 60, 90 or 120 minutes on a 30-minute grid.</summary>
    public static ResourceDefinition Mentor(string ownerId) => new()
    {
        Id = MentorId,
        Kind = ResourceKind.Mentor,
        Name = "Ada (demo mentor)",
        OwnerId = ownerId,
        SlotMinutes = 30,
        Durations = [30, 60, 90, 120],
        Weekly = [.. Weekdays.Select(d => WeeklyWindow.Of(d, new(9, 0), new(17, 0)))],
        BookingWindowDays = 60,
        CancellationCutoffMinutes = 60,
        Price = 50m,
        Currency = "EUR",
        Category = "mentoring",
        Tags = ["demo"],
    };

    /// <summary>A salon service with three chairs, Monday to Saturday 09:00-18:00, 30- or 60-minute appointments on a 30-minute grid.</summary>
    public static ResourceDefinition Salon(string ownerId) => new()
    {
        Id = SalonId,
        Kind = ResourceKind.Service,
        Name = "Demo salon haircut",
        OwnerId = ownerId,
        Capacity = 3,
        SlotMinutes = 30,
        Durations = [30, 60],
        Weekly = [.. Weekdays.Append(DayOfWeek.Saturday).Select(d => WeeklyWindow.Of(d, new(9, 0), new(18, 0)))],
        BookingWindowDays = 30,
        CancellationCutoffMinutes = 120,
        Price = 25m,
        Currency = "EUR",
        Category = "salon",
        Tags = ["demo"],
    };
}
