using System.Text.Json.Serialization;

namespace Booking.Grains.Queries;

/// <summary>What a resource's bookings over a range of dates are worth at its current price.</summary>
public sealed record ResourceRevenue
{
    /// <summary><see cref="BilledBookings"/> × <see cref="UnitPrice"/>.</summary>
    [JsonPropertyName("amount")]
    public required decimal Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The resource's price now: bookings keep no price of their own, so a price change re-prices past bookings.</summary>
    [JsonPropertyName("unitPrice")]
    public required decimal UnitPrice { get; init; }

    /// <summary>Confirmed and completed bookings (cancellations and no-shows bring nothing).</summary>
    [JsonPropertyName("billedBookings")]
    public required long BilledBookings { get; init; }
}
