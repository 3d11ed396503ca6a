using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary><c>{"message": "...", "reservation": {...}}</c> after a cancellation.</summary>
public sealed record GenericCancelled(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("reservation")] GenericReservation Reservation);
