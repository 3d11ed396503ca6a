namespace Booking.Bench;

/// <summary>
/// Grain-state writes per second and their latency, for the same number of concurrent writers each writing its own grain
/// for the same time: the project's storage with group commit off (every write its own transaction) and on, plus how
/// many writes an average group-commit transaction carried, and Orleans' stock ADO.NET storage where it was measured.
/// </summary>
internal sealed record StorageBenchResult(
    int Writers,
    TimeSpan Duration,
    StorageWriteFigures Single,
    StorageWriteFigures GroupCommit,
    double AverageBatchSize,
    StorageWriteFigures? AdoNet);
