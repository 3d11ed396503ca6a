using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary><c>{"slots": [...]}</c>.</summary>
public sealed record EduConnectSlotsResponse([property: JsonPropertyName("slots")] IReadOnlyList<EduConnectSlot> Slots);
