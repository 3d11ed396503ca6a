using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.EduConnect;

/// <summary><c>{"sessions": [...]}</c>.</summary>
public sealed record EduConnectSessionsResponse([property: JsonPropertyName("sessions")] IReadOnlyList<EduConnectSession> Sessions);
