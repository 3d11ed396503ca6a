using System.Text.Json.Serialization;
using Booking.Grains.Persistence;

namespace Booking.Grains.Messages;

/// <summary>
/// Message events that ride with a grain-state write: storage inserts them into the message outbox in the same transaction
/// as the state, so a committed change always has its messages and a refused or failed one has none.
/// </summary>
public sealed record MessageEventsRecorded([property: JsonPropertyName("events")] IReadOnlyList<MessageEvent> Events) : IStateProjection;
