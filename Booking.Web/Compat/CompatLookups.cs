using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;

namespace Booking.Web.Compat;

/// <summary>How the seed routes find the engine's resources and bookings from what their clients send.</summary>
internal static class CompatLookups
{
    /// <summary>The resource <paramref name="id"/> when it exists and is of <paramref name="kind"/>, else null.</summary>
    public static async Task<ResourceDefinition?> ResourceAsync(IGrainFactory grains, string id, ResourceKind kind, CancellationToken cancellationToken) =>
        await grains.GetGrain<IResourceGrain>(id).GetAsync().WaitAsync(cancellationToken) is { } resource && resource.Kind == kind ? resource : null;

    /// <summary>The service resource called <paramref name="name"/> (through its catalogue entry), else null.</summary>
    public static Task<ResourceDefinition?> ServiceNamedAsync(IGrainFactory grains, string name, CancellationToken cancellationToken) =>
        IndexedAsync(grains, ResourceIndexKeys.ServiceName(name), ResourceKind.Service, cancellationToken);

    /// <summary>The mentor resource owned by <paramref name="userId"/> (through its catalogue entry), else null.</summary>
    public static Task<ResourceDefinition?> MentorOwnedByAsync(IGrainFactory grains, string userId, CancellationToken cancellationToken) =>
        IndexedAsync(grains, ResourceIndexKeys.MentorOwner(userId), ResourceKind.Mentor, cancellationToken);

    /// <summary>The booking <paramref name="id"/> as its resource-day grain holds it now, else null.</summary>
    public static async Task<BookingRecord?> BookingAsync(IBookingQuery query, IGrainFactory grains, string id, CancellationToken cancellationToken)
    {
        if (await query.GetBookingAsync(id, cancellationToken) is not { } row)
        {
            return null;
        }

        // The row tells which grain owns the booking; the grain's copy is the current one.
        return await Day(grains, row).GetBookingAsync(id).WaitAsync(cancellationToken) ?? row;
    }

    /// <summary>The resource-day grain that owns <paramref name="booking"/>.</summary>
    public static IResourceDayGrain Day(IGrainFactory grains, BookingRecord booking) =>
        grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(booking.ResourceId, booking.Date));

    /// <summary>The IANA zone <paramref name="timeZone"/>; UTC when unknown (the resource's own rules then refuse its bookings).</summary>
    public static TimeZoneInfo Zone(string timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Today's date in the IANA zone <paramref name="timeZone"/>.</summary>
    public static DateOnly TodayIn(string timeZone, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone(timeZone)).DateTime);

    private static async Task<ResourceDefinition?> IndexedAsync(IGrainFactory grains, string key, ResourceKind kind, CancellationToken cancellationToken) =>
        await grains.GetGrain<IResourceIndexGrain>(key).GetAsync().WaitAsync(cancellationToken) is { } id
            ? await ResourceAsync(grains, id, kind, cancellationToken)
            : null;
}
