using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary><c>{"message": "...", "id": ..., "disponibilites": {weekly, exceptions}}</c> after an availability update.</summary>
public sealed record GenericAvailabilities(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("disponibilites")] ResourceSchedule Disponibilites);
