using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Queries;

/// <summary>One page of a bookings search, in the API's list shape <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record BookingPage
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The rows of this page, ordered by start instant, then id.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<BookingRecord> Items { get; init; }

    /// <summary>The page number, from 1.</summary>
    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("pageSize")]
    public required int PageSize { get; init; }

    /// <summary>How many rows match the filter over all pages.</summary>
    [JsonPropertyName("total")]
    public required long Total { get; init; }

    /// <summary>Throws unless <paramref name="page"/> is 1 or more and <paramref name="pageSize"/> is 1 to <see cref="MaxPageSize"/>.</summary>
    public static void Validate(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }

    /// <summary>How many rows come before <paramref name="page"/> (a long: a huge page number must not wrap around).</summary>
    public static long Offset(int page, int pageSize) => (page - 1L) * pageSize;
}
