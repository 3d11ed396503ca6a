namespace Booking.Bench.Targets;

/// <summary>How a booking request ended.</summary>
internal enum AskOutcome
{
    /// <summary>Booked and durable.</summary>
    Confirmed,

    /// <summary>Refused because the resource was taken (or, for the SQL baselines, because of any constraint).</summary>
    Conflict,

    /// <summary>Refused because the person already holds an overlapping booking.</summary>
    UserConflict,

    /// <summary>Refused for another domain reason (a workload or set-up mistake if it ever shows up).</summary>
    Refused,

    /// <summary>No answer: an exception or a timeout. Not settled.</summary>
    Failed,
}
