using System.Text.Json.Serialization;

namespace Booking.Grains.Accounts;

/// <summary>The stored state of <see cref="EmailIndexGrain"/>: the owning account, if any.</summary>
internal sealed record EmailIndexState
{
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    [JsonPropertyName("claimedAt")]
    public DateTimeOffset? ClaimedAt { get; init; }
}
