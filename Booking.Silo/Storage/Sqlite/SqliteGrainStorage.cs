using System.Globalization;
using System.Threading.Channels;
using Booking.Grains.Persistence;
using Booking.Silo.Diagnostics;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Booking.Silo.Storage.Sqlite;

/// <summary>
/// Grain storage in a SQLite file. SQLite allows one writer at a time, so all writes of this process go through one
/// writer loop and one connection: it commits whatever is queued as one transaction, each write in its own savepoint
/// (its own version check and its own outcome), which turns many small fsyncs into one. Reads use pooled connections
/// and, thanks to WAL, never wait for the writer.
/// </summary>
internal sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string ReadSql =
        "SELECT version, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state";

    // Insert only if absent (first write) and keep cleared rows, for the reasons given in PostgresGrainStorage.
    private const string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, write_id, updated_at) " +
        "VALUES ($type, $key, $state, 1, $payload, $writeId, $updatedAt) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET version = version + 1, payload = $payload, write_id = $writeId, updated_at = $updatedAt " +
        "WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND version = $expected";

    private const string Savepoint = "grain_write";

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly int _maxBatchSize;
    private readonly JsonGrainStateSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<Type, ISqliteProjectionWriter> _projectionWriters;
    private readonly Channel<SqlitePendingWrite> _queue =
        Channel.CreateUnbounded<SqlitePendingWrite>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly Task _writer;
    private SqliteConnection? _writeConnection;
    private long _batches;
    private int _largestBatch;
    public SqliteGrainStorage(
        SqliteStorageOptions options,
        JsonGrainStateSerializer serializer,
        IEnumerable<ISqliteProjectionWriter> projectionWriters,
        TimeProvider timeProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        _connectionString = SqliteConnections.BuildConnectionString(options);
        _busyTimeout = options.BusyTimeout;
        _maxBatchSize = options.MaxBatchSize;
        _serializer = serializer;
        _timeProvider = timeProvider;
        _logger = logger;
        _projectionWriters = ProjectionWriters.ByType(projectionWriters);
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>Transactions the writer has started (for tests and benchmarks).</summary>
    internal long Batches => Interlocked.Read(ref _batches);

    /// <summary>The most writes one transaction carried.</summary>
    internal int LargestBatch => Volatile.Read(ref _largestBatch);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await SqliteConnections.OpenReadAsync(_connectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        AddKeyParameters(command, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            JsonGrainStateSerializer.SetFresh(grainState);
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var version = reader.GetInt64(0);
        var cleared = reader.IsDBNull(1);
        _serializer.SetState(grainState, cleared ? [] : System.Text.Encoding.UTF8.GetBytes(reader.GetString(1)), hasPayload: !cleared);
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = !cleared;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // State and projections are taken together, before the first await: what is stored is what the projections describe.
        var payload = _serializer.SerializeState(grainState);
        var projections = JsonGrainStateSerializer.TakeProjections(grainState);
        var version = await EnqueueAsync(stateName, grainId, grainState.ETag, payload, projections).ConfigureAwait(false);
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = await EnqueueAsync(stateName, grainId, grainState.ETag, payload: null, JsonGrainStateSerializer.TakeProjections(grainState)).ConfigureAwait(false);
        JsonGrainStateSerializer.SetFresh(grainState);
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<long> EnqueueAsync(
        string stateName, GrainId grainId, string? eTag, string? payload, IReadOnlyList<IStateProjection> projections)
    {
        var expected = StorageVersion.Parse(eTag, grainId, stateName);
        var writeId = Guid.NewGuid();
        var projectionCommands = new List<SqliteCommand>(projections.Count);
        if (projections.Count > 0)
        {
            var context = new SqliteProjectionContext(grainId, stateName, writeId);
            foreach (var projection in projections)
            {
                ProjectionWriters.Find(_projectionWriters, projection).AddCommands(projection, context, projectionCommands);
            }
        }

        var write = new SqlitePendingWrite(grainId, stateName, expected, payload, writeId, _timeProvider.GetUtcNow(), projectionCommands);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteGrainStorage));
        }

        await StorageMetrics.MeasureStorageWriteAsync("sqlite", write.Completion, _timeProvider).ConfigureAwait(false);
        return (expected ?? 0) + 1;
    }

    // No batching window: while one transaction commits (an fsync), new writes queue up and the next transaction takes
    // them all, so batches grow with load by themselves and a lone write never waits.
    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SqlitePendingWrite>(Math.Min(_maxBatchSize, 1024));
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (var write in batch)
                {
                    write.Complete();
                }
            }
            catch (Exception exception)
            {
                // The file could not be written (I/O error, disk full, locked past the busy timeout): every write of the
                // batch was rolled back, and a fresh connection is opened for the next batch in case this one is broken.
                _logger.LogWarning(exception, "A batch of {Count} grain-state writes failed.", batch.Count);
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }

                if (_writeConnection is not null)
                {
                    await _writeConnection.DisposeAsync().ConfigureAwait(false);
                    _writeConnection = null;
                }
            }
            finally
            {
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<SqlitePendingWrite> batch)
    {
        _writeConnection ??= await SqliteConnections.OpenWriteAsync(_connectionString, _busyTimeout, CancellationToken.None).ConfigureAwait(false);
        var connection = _writeConnection;
        Volatile.Write(ref _largestBatch, Math.Max(_largestBatch, batch.Count));
        StorageMetrics.StorageBatch("sqlite", batch.Count);
        Interlocked.Increment(ref _batches);

        // IMMEDIATE takes the write lock up front, so a batch never fails half-way because another process wrote first.
        // Microsoft.Data.Sqlite runs everything synchronously anyway; this loop is the only thread that writes.
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in batch)
        {
            Apply(connection, transaction, write);
        }

        transaction.Commit();
    }

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction, SqlitePendingWrite write)
    {
        transaction.Save(Savepoint);
        try
        {
            using var state = connection.CreateCommand();
            state.Transaction = transaction;
            state.CommandText = write.ExpectedVersion is null ? InsertSql : UpdateSql;
            AddKeyParameters(state, write.GrainId, write.StateName);
            state.Parameters.Add("$payload", SqliteType.Text).Value = (object?)write.Payload ?? DBNull.Value;
            state.Parameters.Add("$writeId", SqliteType.Text).Value = write.WriteId.ToString("D");
            state.Parameters.Add("$updatedAt", SqliteType.Text).Value = write.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            if (write.ExpectedVersion is { } expected)
            {
                state.Parameters.Add("$expected", SqliteType.Integer).Value = expected;
            }

            if (state.ExecuteNonQuery() == 0)
            {
                write.SetStale();
                transaction.Release(Savepoint);
                return;
            }

            foreach (var command in write.ProjectionCommands)
            {
                command.Connection = connection;
                command.Transaction = transaction;
                command.ExecuteNonQuery();
            }

            write.SetOutcome(null);
            transaction.Release(Savepoint);
        }
        catch (Exception exception) when (IsStatementError(exception))
        {
            // This write's own statements failed (a projection's constraint, say): undo just its savepoint and keep the batch.
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            write.SetOutcome(exception);
        }
    }

    private static bool IsStatementError(Exception exception) => exception switch
    {
        // Errors that belong to the statement, not to the database file or the connection.
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_CONSTRAINT or SQLitePCL.raw.SQLITE_ERROR
            or SQLitePCL.raw.SQLITE_MISMATCH or SQLitePCL.raw.SQLITE_RANGE or SQLitePCL.raw.SQLITE_TOOBIG,
        InvalidOperationException or InvalidCastException or FormatException or ArgumentException => true,
        _ => false,
    };

    private static void AddKeyParameters(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.Add("$type", SqliteType.Text).Value = grainId.Type.ToString();
        command.Parameters.Add("$key", SqliteType.Text).Value = grainId.Key.ToString();
        command.Parameters.Add("$state", SqliteType.Text).Value = stateName;
    }
}
