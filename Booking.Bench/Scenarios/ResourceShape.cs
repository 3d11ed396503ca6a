namespace Booking.Bench.Scenarios;

/// <summary>What the benchmark's resources are: parking slots booked by named period, or resources booked by time range.</summary>
internal enum ResourceShape
{
    /// <summary>Parking slots with the FlexPark periods (morning, afternoon, day).</summary>
    ParkingSlot,

    /// <summary>Mentors: 30-minute grid, 30/60/90/120-minute sessions, 09:00–18:00 every day.</summary>
    Mentor,
}
