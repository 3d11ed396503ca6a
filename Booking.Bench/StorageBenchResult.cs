namespace Booking.Bench;

/// <summary>
/// Grain-state writes per second with group commit off (every write its own transaction) and on, for the same number of
/// concurrent writers, each writing its own grain; plus how many writes an average group-commit transaction carried.
/// </summary>
internal sealed record StorageBenchResult(
    int Writers,
    TimeSpan Duration,
    double SingleWritesPerSecond,
    double BatchedWritesPerSecond,
    double AverageBatchSize);
