using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// When two of one person's bookings cannot coexist. Parking places and appointments (mentor sessions, services)
/// are separate quotas: a person parks while in a session. Within appointments, no two may overlap. Within parking,
/// one place at a time — so one place per period, and a <c>day</c> booking conflicts with <c>morning</c> and
/// <c>afternoon</c> because its interval overlaps both. Intervals are compared as half-open UTC instants, so two
/// resources in different time zones compare correctly.
/// </summary>
internal static class UserConflictRules
{
    public static bool Conflicts(UserDayEntry existing, UserDayEntry candidate) =>
        existing.BookingId != candidate.BookingId
        && IsParking(existing.Kind) == IsParking(candidate.Kind)
        && existing.StartUtc < candidate.EndUtc
        && candidate.StartUtc < existing.EndUtc;

    /// <summary>The first live entry that <paramref name="candidate"/> conflicts with, or null.</summary>
    public static UserDayEntry? FindConflict(IEnumerable<UserDayEntry> entries, UserDayEntry candidate, DateTimeOffset now) =>
        entries.FirstOrDefault(e => e.IsLiveAt(now) && Conflicts(e, candidate));

    private static bool IsParking(ResourceKind kind) => kind == ResourceKind.ParkingSlot;
}
