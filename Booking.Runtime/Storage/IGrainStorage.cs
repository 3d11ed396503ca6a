namespace Booking.Runtime.Storage;

/// <summary>
/// A grain storage provider (Orleans' <c>IGrainStorage</c>). Every write is checked against the version
/// in <see cref="IGrainState{T}.ETag"/>: a null ETag means "insert if absent"; otherwise the stored version
/// must equal it. A failed check throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the record into <paramref name="grainState"/>; when absent, sets a fresh state, a null ETag and RecordExists = false.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Writes the state (and its projections, in the same transaction) and sets the new ETag; durable when the task completes.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Clears the record under the same version check; afterwards RecordExists is false.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
