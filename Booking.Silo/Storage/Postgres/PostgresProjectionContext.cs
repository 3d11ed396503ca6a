using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Silo.Storage.Postgres;

/// <summary>The state write a projection rides with.</summary>
public sealed class PostgresProjectionContext
{
    internal PostgresProjectionContext(GrainId grainId, string stateName, Guid writeId)
    {
        GrainId = grainId;
        StateName = stateName;
        WriteId = writeId;
    }

    /// <summary>The grain whose state is written.</summary>
    public GrainId GrainId { get; }

    /// <summary>The name of the state being written.</summary>
    public string StateName { get; }

    /// <summary>Fresh for every write; stored in <c>grain_state.write_id</c> only if the write's version check passed.</summary>
    public Guid WriteId { get; }

    /// <summary>
    /// Appends the guard's four positional parameters to <paramref name="command"/> and returns a SQL condition,
    /// <c>EXISTS (SELECT 1 FROM grain_state WHERE ... AND write_id = $n)</c>, that holds only if this write's state
    /// statement succeeded. Put it in the statement's WHERE clause (for an insert: <c>INSERT ... SELECT ... WHERE guard</c>).
    /// </summary>
    public string AddWriteGuard(NpgsqlBatchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameters = command.Parameters;
        var first = parameters.Count + 1;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainId.Type.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainId.Key.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = WriteId, NpgsqlDbType = NpgsqlDbType.Uuid });
        return string.Create(
            CultureInfo.InvariantCulture,
            $"EXISTS (SELECT 1 FROM {PostgresSchema.GrainStateTable} WHERE grain_type = ${first} AND grain_key = ${first + 1} AND state_name = ${first + 2} AND write_id = ${first + 3})");
    }
}
