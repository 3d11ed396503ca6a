using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>Builds and checks a parking site and the definition shared by its slot resources (FlexPark defaults where the request is silent).</summary>
internal static class SiteTemplate
{
    private const int MaxSlots = 1000;

    public static IReadOnlyDictionary<string, TimeWindow> DefaultPeriods { get; } = new Dictionary<string, TimeWindow>
    {
        ["morning"] = TimeWindow.Of(new(7, 0), new(13, 0)),
        ["afternoon"] = TimeWindow.Of(new(13, 0), new(20, 0)),
        ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)),
    };

    public static IReadOnlyList<WeeklyWindow> DefaultWeekly { get; } =
        [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, new(7, 0), new(20, 0)))];

    /// <summary>The slot numbers the request asks for (1..n for a count), or a <c>validation_failed</c> error.</summary>
    public static (IReadOnlyList<string> Numbers, BookingError? Error) SlotNumbers(CreateSiteRequest request)
    {
        if ((request.SlotCount is null) == (request.SlotNumbers is null))
        {
            return ([], Invalid("give either slotCount or slotNumbers"));
        }

        List<string> numbers = request.SlotCount is { } count
            ? [.. Enumerable.Range(1, Math.Clamp(count, 0, MaxSlots + 1)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : [.. request.SlotNumbers!.Select(n => n?.Trim() ?? string.Empty)];

        if (numbers.Count is 0 or > MaxSlots)
        {
            return ([], Invalid($"a site has 1 to {MaxSlots} slots"));
        }

        if (numbers.Any(string.IsNullOrEmpty))
        {
            return ([], Invalid("slot numbers must not be empty"));
        }

        if (numbers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != numbers.Count)
        {
            return ([], Invalid("slot numbers must differ"));
        }

        return (numbers, null);
    }

    /// <summary>The definition every slot of the site gets (id and name are set per slot).</summary>
    public static ResourceDefinition SlotDefinition(string siteId, CreateSiteRequest request) => new()
    {
        Id = siteId,
        Kind = ResourceKind.ParkingSlot,
        Name = request.Name,
        OwnerId = request.OwnerId,
        ParentId = siteId,
        Capacity = 1,
        TimeZone = request.TimeZone,
        SlotMinutes = 30,
        Periods = request.Periods ?? DefaultPeriods,
        Weekly = request.Weekly ?? DefaultWeekly,
        BookingWindowDays = request.BookingWindowDays,
        CancellationCutoffMinutes = request.CancellationCutoffMinutes,
    };

    public static BookingError? Validate(CreateSiteRequest request, ResourceDefinition slotDefinition)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Invalid("name is required");
        }

        if (slotDefinition.Periods.Count == 0)
        {
            return Invalid("a site needs at least one period");
        }

        return ResourceValidator.Validate(slotDefinition) is { } error
            ? Invalid(error.Message)
            : null;
    }

    private static BookingError Invalid(string problem) =>
        BookingError.Of(BookingErrorCodes.ValidationFailed, $"Invalid site: {problem}.");
}
