namespace Booking.Bench.Scenarios;

/// <summary>
/// One booking request of a workload: who, which resource (an index into <see cref="Workload.Resources"/>), which local
/// date and time, and when it arrives after the start of the run. <see cref="Period"/> is set for parking slots;
/// <see cref="Start"/> and <see cref="End"/> are always the local times the request covers.
/// </summary>
internal sealed record BookingAsk(int Index, int User, int Resource, DateOnly Date, string? Period, TimeOnly Start, TimeOnly End, TimeSpan Arrival)
{
    public int DurationMinutes => (int)(End - Start).TotalMinutes;
}
