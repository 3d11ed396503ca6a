namespace Booking.Bench.Scenarios;

/// <summary>The mentors' opening hours and session lengths, the same for the engine and the SQL baselines.</summary>
internal static class MentorHours
{
    public static readonly TimeOnly Opens = new(9, 0);
    public static readonly TimeOnly Closes = new(18, 0);
    public const int SlotMinutes = 30;
    public static readonly int[] Durations = [30, 60, 90, 120];
}
