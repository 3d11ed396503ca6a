using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>Availability over a range of dates, gathered from each date's resource-day grain.</summary>
public static class AvailabilityQueries
{
    /// <summary>
    /// The free slots of <paramref name="resourceId"/> from <paramref name="from"/> to <paramref name="to"/> (both included,
    /// at most 31 dates), in time order: for each date exactly what booking would accept now. The dates are asked in parallel.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or longer than 31 dates.</exception>
    public static async Task<IReadOnlyList<FreeSlot>> GetFreeSlotsAsync(
        this IGrainFactory grainFactory,
        string resourceId,
        DateOnly from,
        DateOnly to,
        int? durationMinutes)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days < 1 || days > BookingDefaults.MaxAvailabilityDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"An availability range covers 1 to {BookingDefaults.MaxAvailabilityDays} dates (got {from:yyyy-MM-dd} to {to:yyyy-MM-dd}).");
        }

        var perDay = await Task.WhenAll(Enumerable.Range(0, days).Select(i =>
            grainFactory.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resourceId, from.AddDays(i))).GetFreeSlotsAsync(durationMinutes)));
        return [.. perDay.SelectMany(slots => slots)];
    }
}
