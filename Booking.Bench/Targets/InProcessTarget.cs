using System.Diagnostics;
using System.Globalization;
using Booking.Bench.Measurement;
using Booking.Bench.Scenarios;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Hosting;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Booking.Bench.Targets;

/// <summary>
/// The engine: an Orleans in-process test cluster of <c>silos</c> silos, each configured by
/// <see cref="BookingSiloBuilderExtensions.UseBookingGrains"/> on PostgreSQL (group commit, bookings rows in the same
/// transaction), all on one database of its own. Requests enter through the silos in turn, as co-hosted web front ends
/// would, and go to the resource-day grain, which applies every domain rule (user-day lease included).
/// </summary>
internal sealed class InProcessTarget(string adminConnectionString, int silos, int poolSize, StageProfile? profile = null, Action<PostgresStorageOptions>? tuneStorage = null) : IBookingTarget
{
    // The engine's bookings table, written in the same transaction as each resource-day state.
    private const string ConfirmedBookingsSql = """
        SELECT id, resource_id, user_id, local_date AS date, local_start AS start_time, local_end AS end_time
        FROM bookings WHERE status = 'confirmed'
        """;

    private BenchDatabase? _database;
    private InProcessTestCluster? _cluster;
    private IGrainFactory[] _entryPoints = [];
    private string[] _resourceIds = [];

    public string Name => "inproc";

    public bool IsBaseline => false;

    public bool CountsStatements => true;

    public int Silos => silos;

    /// <summary>The stopwatch breakdown, when profiling.</summary>
    public StageProfile? Profile => profile;

    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        // The same pool size as each baseline's, per data source (grain state, bookings query, reminders) and silo.
        _database = await BenchDatabase.CreateAsync(adminConnectionString, "inproc", poolSize, cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Booking:Storage:Provider"] = nameof(StorageProvider.Postgres),
                ["Booking:Storage:ConnectionString"] = _database.ConnectionString,
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(checked((short)silos));

        // The test host's default writes a trace file per silo into the working directory.
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseBookingGrains(configuration);
            if (tuneStorage is not null)
            {
                silo.Services.Configure(GrainStorageNames.Projected, tuneStorage);
            }

            if (profile is not null)
            {
                AddTiming(silo.Services, profile);
            }
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync(cancellationToken);
        _entryPoints = [.. _cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>())];
        _resourceIds = workload.Shape == ResourceShape.ParkingSlot
            ? await CreateSiteAsync(workload.Resources)
            : await CreateMentorsAsync(workload.Resources);
    }

    public async Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await BookCoreAsync(ask);
        profile?.Record("request, end to end", start);
        return result;
    }

    /// <summary>The group-commit counters of the first silo's storage (profiling only).</summary>
    public PostgresWriteStatistics? WriteStatistics =>
        _cluster?.Silos.FirstOrDefault()?.ServiceProvider.GetKeyedService<IGrainStorage>(GrainStorageNames.Projected) switch
        {
            TimedGrainStorage { Inner: PostgresGrainStorage postgres } => postgres.Statistics,
            PostgresGrainStorage postgres => postgres.Statistics,
            _ => null,
        };

    private async Task<AskResult> BookCoreAsync(BookingAsk ask)
    {
        var resourceId = _resourceIds[ask.Resource];
        var grain = _entryPoints[ask.Index % _entryPoints.Length].GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(resourceId, ask.Date));
        var outcome = await grain.BookAsync(new BookRequest
        {
            UserId = UserId(ask.User),
            ResourceId = resourceId,
            Date = ask.Date,
            Period = ask.Period,
            Start = ask.Period is null ? ask.Start : null,
            DurationMinutes = ask.Period is null ? ask.DurationMinutes : null,
        });
        if (outcome.IsSuccess)
        {
            return AskResult.Confirmed(outcome.Booking.Id);
        }

        return outcome.Error.Code switch
        {
            BookingErrorCodes.SlotUnavailable => new AskResult(AskOutcome.Conflict),
            BookingErrorCodes.UserConflict => new AskResult(AskOutcome.UserConflict),
            _ => new AskResult(AskOutcome.Refused, Detail: outcome.Error.Code + ": " + outcome.Error.Message),
        };
    }

    public async Task<AuditResult> AuditAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(DoubleBookingAudit.Sql(ConfirmedBookingsSql), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AuditResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), "bookings table");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static string UserId(int user) => "user-" + user.ToString(CultureInfo.InvariantCulture);

    private async Task<string[]> CreateSiteAsync(int slots)
    {
        var outcome = await _entryPoints[0].GetGrain<ISiteGrain>("bench-site").CreateAsync(new CreateSiteRequest
        {
            Name = "Bench site",
            SlotCount = slots,
            TimeZone = "UTC",
        });
        return outcome.IsSuccess
            ? [.. outcome.Site.Slots.Select(s => s.ResourceId)]
            : throw new InvalidOperationException($"The bench site was refused: {outcome.Error.Message}");
    }

    private async Task<string[]> CreateMentorsAsync(int count)
    {
        string[] ids = [.. Enumerable.Range(0, count).Select(i => "mentor-" + i.ToString(CultureInfo.InvariantCulture))];
        var weekly = Enum.GetValues<DayOfWeek>().Select(d => WeeklyWindow.Of(d, MentorHours.Opens, MentorHours.Closes)).ToArray();
        foreach (var chunk in ids.Chunk(500))
        {
            var outcomes = await Task.WhenAll(chunk.Select(id => _entryPoints[0].GetGrain<IResourceGrain>(id).CreateAsync(new ResourceDefinition
            {
                Id = id,
                Kind = ResourceKind.Mentor,
                Name = id,
                TimeZone = "UTC",
                SlotMinutes = MentorHours.SlotMinutes,
                Durations = MentorHours.Durations,
                Weekly = weekly,
            })));
            if (outcomes.FirstOrDefault(o => !o.IsSuccess) is { } refused)
            {
                throw new InvalidOperationException($"A bench mentor was refused: {refused.Error!.Message}");
            }
        }

        return ids;
    }

    /// <summary>
    /// Wraps the group-commit grain storage (the resource-day grain's, and through its alias every other grain's) and
    /// the bookings query in stopwatches.
    /// </summary>
    private static void AddTiming(IServiceCollection services, StageProfile profile)
    {
        var storage = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, GrainStorageNames.Projected));
        var createStorage = storage.KeyedImplementationFactory!;
        services.Remove(storage);
        services.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Projected, (sp, key) => new TimedGrainStorage((IGrainStorage)createStorage(sp, key), profile));

        var query = services.Last(d => d.ServiceType == typeof(IBookingQuery));
        services.Remove(query);
        services.AddSingleton<IBookingQuery>(sp => new TimedBookingQuery(
            (IBookingQuery)(query.ImplementationInstance ?? query.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, query.ImplementationType!)),
            profile));
    }
}
