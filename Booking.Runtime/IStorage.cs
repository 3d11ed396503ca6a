namespace Booking.Runtime;

/// <summary>Grain-facing persistent state (Orleans' <c>IStorage&lt;T&gt;</c>).</summary>
public interface IStorage<TState>
{
    /// <summary>The state, loaded before <see cref="Grain.OnActivateAsync"/> runs.</summary>
    TState State { get; set; }

    /// <summary>The stored version; null when no record exists.</summary>
    string? Etag { get; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; }

    /// <summary>Clears the stored record (version-checked).</summary>
    Task ClearStateAsync();

    /// <summary>Writes the state (version-checked); durable when the task completes. Throws <see cref="Storage.InconsistentStateException"/> on a stale version.</summary>
    Task WriteStateAsync();

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync();
}
