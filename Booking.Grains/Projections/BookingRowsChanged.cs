using System.Text.Json.Serialization;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Persistence;

namespace Booking.Grains.Projections;

/// <summary>
/// The booking rows a resource-day state write changed (new, confirmed, cancelled, ...), each in its full new form.
/// Storage writes them into the <c>bookings</c> query table (upsert by id) in the same transaction as the state.
/// </summary>
/// <param name="Rows">The changed rows.</param>
/// <param name="Capacity">
/// The resource's capacity when the write was decided, if known. A row keeps the capacity it was first written with; on
/// PostgreSQL, rows written under capacity 1 must not overlap (an exclusion constraint behind the grain's own check).
/// </param>
public sealed record BookingRowsChanged(
    [property: JsonPropertyName("rows")] IReadOnlyList<BookingRecord> Rows,
    [property: JsonPropertyName("capacity")] int? Capacity = null) : IStateProjection;
