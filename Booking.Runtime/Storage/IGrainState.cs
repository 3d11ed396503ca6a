namespace Booking.Runtime.Storage;

/// <summary>The state a storage provider reads and writes for one grain (Orleans' <c>IGrainState&lt;T&gt;</c>).</summary>
public interface IGrainState<T>
{
    /// <summary>The state; never null after a read (a fresh instance when no record exists).</summary>
    T State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null when no record exists.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; set; }

    /// <summary>
    /// Rows derived from this state change (for example booking rows of a query table) that the provider
    /// must write in the same transaction as the state, and only if the state's version check passes.
    /// Cleared by the runtime once the write has completed. Empty for most grains.
    /// </summary>
    IReadOnlyList<IStateProjection> Projections { get; }
}
