using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Grains.Accounts;

/// <summary>The stored state of <see cref="UserDirectoryGrain"/>, in listing order.</summary>
internal sealed record UserDirectoryState
{
    [JsonPropertyName("entries")]
    public IReadOnlyList<UserDirectoryEntry> Entries { get; init; } = [];
}
