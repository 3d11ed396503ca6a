using System.Collections.Concurrent;
using Booking.Grains.Persistence;
using Orleans.Storage;

namespace Booking.Silo.Storage.Memory;

/// <summary>
/// Grain storage in process memory with the same version semantics as the database providers (for runtime unit tests).
/// States are kept serialized so a grain never shares an object with storage, just as with a database.
/// </summary>
internal sealed class MemoryGrainStorage(JsonGrainStateSerializer serializer, IMemoryProjectionSink? projectionSink = null) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string Type, string Key, string State), Record> _records = new();

    // One lock for all writes: the version check, the projection sink and the store must be one atomic step, and tests
    // do not need more write throughput than that gives.
    private readonly Lock _writeLock = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!_records.TryGetValue((grainId.Type.ToString()!, grainId.Key.ToString()!, stateName), out var record))
        {
            JsonGrainStateSerializer.SetFresh(grainState);
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        serializer.SetState(grainState, record.Payload, hasPayload: record.Payload is not null);
        grainState.ETag = StorageVersion.Format(record.Version);
        grainState.RecordExists = record.Payload is not null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = Store(stateName, grainId, grainState.ETag, serializer.SerializeStateToUtf8Bytes(grainState), JsonGrainStateSerializer.TakeProjections(grainState));
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = Store(stateName, grainId, grainState.ETag, payload: null, JsonGrainStateSerializer.TakeProjections(grainState));
        JsonGrainStateSerializer.SetFresh(grainState);
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private long Store(string stateName, GrainId grainId, string? eTag, byte[]? payload, IReadOnlyList<IStateProjection> projections)
    {
        var expected = StorageVersion.Parse(eTag, grainId, stateName);
        var key = (grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);
        lock (_writeLock)
        {
            var current = _records.TryGetValue(key, out var record) ? record.Version : (long?)null;
            if (current != expected)
            {
                throw StorageVersion.Conflict(grainId, stateName, expected, current);
            }

            if (projections.Count > 0)
            {
                projectionSink?.Apply(grainId, stateName, projections);
            }

            var version = (expected ?? 0) + 1;
            _records[key] = new Record(version, payload);
            return version;
        }
    }

    private sealed record Record(long Version, byte[]? Payload);
}
