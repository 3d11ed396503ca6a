namespace Booking.Silo.Storage.Sqlite;

/// <summary>The state write a projection rides with.</summary>
public sealed class SqliteProjectionContext
{
    internal SqliteProjectionContext(GrainId grainId, string stateName, Guid writeId)
    {
        GrainId = grainId;
        StateName = stateName;
        WriteId = writeId;
    }

    /// <summary>The grain whose state is written.</summary>
    public GrainId GrainId { get; }

    /// <summary>The name of the state being written.</summary>
    public string StateName { get; }

    /// <summary>Fresh for every write; stored in <c>grain_state.write_id</c>.</summary>
    public Guid WriteId { get; }
}
