using System.Data;
using System.Threading.Channels;
using Booking.Grains.Persistence;
using Booking.Silo.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Booking.Silo.Storage.Postgres;

/// <summary>
/// Grain storage in PostgreSQL's <c>grain_state</c> table with group commit: writes from many grains are queued and
/// committed together, one transaction and one round trip per batch, while each write keeps its own version check and
/// its own outcome. A caller's task completes only after the batch's COMMIT returned.
/// </summary>
internal sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string ReadSql =
        "SELECT version, payload FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    // A first write (or a clear of a record never written) inserts only if no row exists, so exactly one of two racing
    // first writers wins. A clear keeps its row (payload NULL) for the same reason: a stale writer then finds a newer
    // version instead of an empty key it could insert into.
    private const string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, write_id, updated_at) " +
        "VALUES ($1, $2, $3, 1, $4, $5, $6) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET version = version + 1, payload = $4, write_id = $5, updated_at = $6 " +
        "WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $7";

    private const int MaxDeadlockRetries = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonGrainStateSerializer _serializer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<Type, IPostgresProjectionWriter> _projectionWriters;
    private readonly Channel<PostgresPendingWrite> _queue =
        Channel.CreateUnbounded<PostgresPendingWrite>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly int _maxBatchSize;
    private readonly TimeSpan _batchWindow;
    private readonly Task[] _writers;
    private int _batchesInFlight;
    private TaskCompletionSource _batchFinished = NewSignal();

    public PostgresGrainStorage(
        PostgresStorageOptions options,
        JsonGrainStateSerializer serializer,
        IEnumerable<IPostgresProjectionWriter> projectionWriters,
        TimeProvider timeProvider,
        ILogger<PostgresGrainStorage> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentBatches, 1, nameof(options.MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchWindow, TimeSpan.Zero, nameof(options.BatchWindow));

        _dataSource = PostgresDataSources.Create(options);
        _serializer = serializer;
        _timeProvider = timeProvider;
        _logger = logger;
        _projectionWriters = ProjectionWriters.ByType(projectionWriters);
        _maxBatchSize = options.MaxBatchSize;
        _batchWindow = options.BatchWindow;
        _writers = new Task[options.MaxConcurrentBatches];
        for (var i = 0; i < _writers.Length; i++)
        {
            _writers[i] = Task.Run(RunWriterAsync);
        }
    }

    /// <summary>Batching counters (for tests and benchmarks).</summary>
    internal PostgresWriteStatistics Statistics { get; } = new();

    /// <summary>Writes waiting for a writer (for tests that line writes up behind a stalled batch).</summary>
    internal int QueuedWrites => _queue.Reader.Count;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        AddKeyParameters(command.Parameters, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow).ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            JsonGrainStateSerializer.SetFresh(grainState);
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var version = reader.GetInt64(0);
        var cleared = await reader.IsDBNullAsync(1).ConfigureAwait(false);
        _serializer.SetState(grainState, cleared ? [] : reader.GetFieldValue<byte[]>(1), hasPayload: !cleared);

        // A cleared row still carries its version, so the next write is a checked update rather than an insert.
        grainState.ETag = StorageVersion.Format(version);
        grainState.RecordExists = !cleared;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // State and projections are taken together, before the first await: what is stored is what the projections describe.
        var payload = _serializer.SerializeStateToUtf8Bytes(grainState);
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
        await Task.WhenAll(_writers).ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<long> EnqueueAsync(
        string stateName, GrainId grainId, string? eTag, byte[]? payload, IReadOnlyList<IStateProjection> projections)
    {
        var expected = StorageVersion.Parse(eTag, grainId, stateName);
        var writeId = Guid.NewGuid();
        var commands = new List<NpgsqlBatchCommand>(1 + projections.Count)
        {
            CreateStateCommand(grainId, stateName, expected, payload, writeId, _timeProvider.GetUtcNow()),
        };

        if (projections.Count > 0)
        {
            var context = new PostgresProjectionContext(grainId, stateName, writeId);
            foreach (var projection in projections)
            {
                ProjectionWriters.Find(_projectionWriters, projection).AddCommands(projection, context, commands);
            }
        }

        var write = new PostgresPendingWrite(grainId, stateName, expected, commands);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(PostgresGrainStorage));
        }

        await StorageMetrics.MeasureStorageWriteAsync("postgres", write.Completion, _timeProvider).ConfigureAwait(false);
        return (expected ?? 0) + 1;
    }

    private static NpgsqlBatchCommand CreateStateCommand(
        GrainId grainId, string stateName, long? expected, byte[]? payload, Guid writeId, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(expected is null ? InsertSql : UpdateSql);
        var parameters = command.Parameters;
        AddKeyParameters(parameters, grainId, stateName);
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)payload ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writeId, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        if (expected is { } version)
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = version, NpgsqlDbType = NpgsqlDbType.Bigint });
        }

        return command;
    }

    private static void AddKeyParameters(NpgsqlParameterCollection parameters, GrainId grainId, string stateName)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key.ToString()!, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName, NpgsqlDbType = NpgsqlDbType.Text });
    }

    // Batching policy: a writer takes everything already queued (up to the cap). It waits up to the batch window for more
    // only while another batch is committing, and stops waiting as soon as one finishes: while the database is busy with
    // that batch, a fuller batch costs one commit instead of several, but once a writer is free again holding writes back
    // gains nothing. A write that arrives while every writer is idle goes out at once, so a lone write never pays the window.
    // Under load batches also grow by themselves, since writes queue up while every writer is committing.
    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PostgresPendingWrite>(Math.Min(_maxBatchSize, 1024));
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(reader, batch);
            if (batch.Count == 0)
            {
                // Another writer took what woke this one.
                continue;
            }

            if (batch.Count < _maxBatchSize && _batchWindow > TimeSpan.Zero)
            {
                // Taken before looking at the count, so a batch that finishes in between still ends the wait.
                var batchFinished = Volatile.Read(ref _batchFinished).Task;
                if (Volatile.Read(ref _batchesInFlight) > 0)
                {
                    await GatherAsync(reader, batch, batchFinished).ConfigureAwait(false);
                }
            }

            Interlocked.Increment(ref _batchesInFlight);
            try
            {
                await ExecuteAsync([.. batch]).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // ExecuteAsync settles every write itself; this only keeps the writer loop alive if that ever fails.
                _logger.LogError(exception, "The grain-state writer failed unexpectedly.");
                foreach (var write in batch)
                {
                    write.SettleFailed(exception);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _batchesInFlight);
                Interlocked.Exchange(ref _batchFinished, NewSignal()).TrySetResult();
            }

            // Only now wake the callers: one that writes again at once must see this batch as finished, or it would
            // wait for the window behind a batch that is already done.
            foreach (var write in batch)
            {
                write.Complete();
            }

            batch.Clear();
        }
    }

    private void Drain(ChannelReader<PostgresPendingWrite> reader, List<PostgresPendingWrite> batch)
    {
        while (batch.Count < _maxBatchSize && reader.TryRead(out var write))
        {
            batch.Add(write);
        }
    }

    private async Task GatherAsync(ChannelReader<PostgresPendingWrite> reader, List<PostgresPendingWrite> batch, Task batchFinished)
    {
        // Real time on purpose: the window only trades latency for throughput and must elapse even when a test drives
        // the injected TimeProvider by hand.
        using var window = new CancellationTokenSource(_batchWindow);
        try
        {
            while (batch.Count < _maxBatchSize)
            {
                var more = reader.WaitToReadAsync(window.Token).AsTask();
                if (await Task.WhenAny(more, batchFinished).ConfigureAwait(false) == batchFinished || !await more.ConfigureAwait(false))
                {
                    // Another writer is free again (holding these writes back gains nothing now), or the queue closed.
                    return;
                }

                Drain(reader, batch);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteAsync(List<PostgresPendingWrite> writes)
    {
        var deadlockRetries = 0;
        while (writes.Count > 0)
        {
            Statistics.RecordBatch(writes.Count);
            StorageMetrics.StorageBatch("postgres", writes.Count);
            try
            {
                await CommitAsync(writes).ConfigureAwait(false);
                foreach (var write in writes)
                {
                    write.SettleCommitted();
                }

                return;
            }
            catch (PostgresException exception) when (IsDeadlockOrSerializationFailure(exception) && deadlockRetries++ < MaxDeadlockRetries)
            {
                // Says nothing about any one write (two batches locked rows in different orders): run the batch again.
                Statistics.RecordRetry();
            }
            catch (PostgresException exception) when (exception.BatchCommand is { } failed && writes.Find(w => w.Owns(failed)) is { } culprit)
            {
                // The statement's error (say, a projection's exclusion violation) belongs to one write; the transaction
                // rolled back, so the others run again without it.
                culprit.SettleFailed(exception);
                writes.Remove(culprit);
                Statistics.RecordRetry();
            }
            catch (PostgresException) when (writes.Count > 1)
            {
                // No statement to blame (an error raised at commit): one transaction per write finds the guilty one.
                foreach (var write in writes)
                {
                    await ExecuteAsync([write]).ConfigureAwait(false);
                }

                return;
            }
            catch (Exception exception)
            {
                // Connection loss and the like: the outcome of every write is unknown, so every caller gets the error.
                _logger.LogWarning(exception, "A batch of {Count} grain-state writes failed.", writes.Count);
                foreach (var write in writes)
                {
                    write.SettleFailed(exception);
                }

                return;
            }
        }
    }

    private async Task CommitAsync(List<PostgresPendingWrite> writes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);

        // No explicit transaction: PostgreSQL runs all statements of a batch (up to its single Sync) in one implicit
        // transaction that commits, durably, before the batch's reply arrives. That saves the BEGIN and COMMIT round trip.
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in writes)
        {
            foreach (var command in write.Commands)
            {
                batch.BatchCommands.Add(command);
            }
        }

        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool IsDeadlockOrSerializationFailure(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
