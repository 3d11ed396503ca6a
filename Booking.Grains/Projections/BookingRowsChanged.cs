using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;
using Booking.Runtime.Storage;

namespace Booking.Grains.Projections;

/// <summary>
/// The booking rows a resource-day state write changed (new, confirmed, cancelled, ...), each in its full new form.
/// Storage writes them into the <c>bookings</c> query table (upsert by id) in the same transaction as the state.
/// </summary>
public sealed record BookingRowsChanged([property: JsonPropertyName("rows")] IReadOnlyList<BookingRecord> Rows) : IStateProjection;
