using System.Text.Json.Serialization;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class PersistentCounterState
{
    [JsonPropertyName("value")]
    public int Value { get; set; }
}
