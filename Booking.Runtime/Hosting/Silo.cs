using Booking.Runtime.Core;
using Booking.Runtime.Reminders;
using Booking.Runtime.Serialization;
using Booking.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Runtime.Hosting;

/// <summary>
/// One runtime instance: its activation table, its share of the cluster's grains, its reminders and its idle collector.
/// </summary>
public sealed class Silo : IAsyncDisposable
{
    private readonly Lock _stopLock = new();
    private ITimer? _collector;
    private volatile bool _alive;
    private Task? _stopping;

    internal Silo(IServiceProvider services, SiloOptions options, ClusterMembership membership, TimeProvider timeProvider)
    {
        Services = services;
        Options = options;
        Membership = membership;
        TimeProvider = timeProvider;
        Name = options.SiloName;
        NameHash = StableHash.Of(options.SiloName);
        Logger = services.GetService<ILoggerFactory>()?.CreateLogger<Silo>() ?? NullLogger<Silo>.Instance;
        Registry = new GrainTypeRegistry(options.GrainAssemblies);
        Catalog = new Catalog(this);
        CallInvoker = new GrainCallInvoker(membership, this, timeProvider, options.ResponseTimeout);
        GrainFactory = new GrainFactory(CallInvoker);
        Reminders = new LocalReminderService(this, services.GetService<IReminderTable>());
    }

    /// <summary>The silo's name, unique in its cluster.</summary>
    public string Name { get; }

    /// <summary>Whether the silo is started and has not been stopped or killed.</summary>
    public bool IsAlive => _alive;

    /// <summary>Grain references whose calls originate on this silo.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>The silo's services (grains are constructed from these).</summary>
    public IServiceProvider Services { get; }

    /// <summary>How many activations this silo holds.</summary>
    public int ActivationCount => Catalog.Count;

    internal SiloOptions Options { get; }

    internal ClusterMembership Membership { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal ulong NameHash { get; }

    internal GrainTypeRegistry Registry { get; }

    internal Catalog Catalog { get; }

    internal GrainCallInvoker CallInvoker { get; }

    internal LocalReminderService Reminders { get; }

    /// <summary>Migrates storage, joins the cluster, loads its reminders and starts idle collection.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in Services.GetServices<IStorageInitializer>())
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_stopLock)
        {
            _stopping = null;
        }

        _alive = true;
        Membership.Changed += OnMembershipChanged;
        Membership.Join(this);
        await Reminders.ReloadAsync(cancellationToken).ConfigureAwait(false);
        _collector = TimeProvider.CreateTimer(
            static s => ((Silo)s!).CollectIdle(),
            this,
            Options.CollectionQuantum,
            Options.CollectionQuantum);
        Logger.LogInformation("Silo {Silo} started", Name);
    }

    /// <summary>
    /// Leaves the cluster gracefully: every activation runs OnDeactivateAsync and waiting calls move to the grains' new silos.
    /// A second call while the first runs (the host stops the silo and its disposal stops it again) waits for the same
    /// shutdown rather than starting another, whose wait would replace the first one's and leave it to time out.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopping ??= _alive ? StopCoreAsync() : Task.CompletedTask;
        }
    }

    private async Task StopCoreAsync()
    {
        Membership.Changed -= OnMembershipChanged;
        Membership.Leave(this);
        _collector?.Dispose();
        await Reminders.DisposeAsync().ConfigureAwait(false);
        await Catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "silo stopping"),
            Options.DeactivationTimeout).ConfigureAwait(false);
        _alive = false;
        Logger.LogInformation("Silo {Silo} stopped", Name);
    }

    /// <summary>Ends the silo at once, as a crash would: no OnDeactivateAsync, calls in flight fail with <see cref="SiloUnavailableException"/>.</summary>
    public async Task KillAsync()
    {
        _alive = false;
        Membership.Changed -= OnMembershipChanged;
        Membership.Leave(this);
        _collector?.Dispose();
        await Reminders.DisposeAsync().ConfigureAwait(false);
        Catalog.KillAll(new SiloUnavailableException($"Silo {Name} died."));
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    public override string ToString() => Name;

    /// <summary>Receives a call from another silo or a client, as off a wire.</summary>
    internal async Task<byte[]> ReceiveAsync<T>(GrainId grainId, GrainMethod<T> method, byte[] request, DateTimeOffset deadline)
    {
        if (!_alive)
        {
            throw new SiloUnavailableException($"Silo {Name} is not running.");
        }

        try
        {
            var arguments = WireSerializer.DeserializeArguments(method, request);

            // Membership may have changed since the caller chose this silo: pass the call on to the owner.
            var result = ReferenceEquals(Membership.Locate(grainId), this)
                ? await Catalog.InvokeAsync(grainId, method, arguments, deadline).ConfigureAwait(false)
                : await CallInvoker.InvokeAsync(grainId, method, arguments).ConfigureAwait(false);
            return WireSerializer.SerializeResult(result);
        }
        catch (Exception exception)
        {
            return WireSerializer.SerializeException(exception);
        }
    }

    internal void LogShutdownTimeout(int remaining) =>
        Logger.LogWarning("Silo {Silo}: {Count} activations did not deactivate in time", Name, remaining);

    private void CollectIdle()
    {
        if (_alive)
        {
            Catalog.CollectIdle(TimeProvider.GetUtcNow(), Options.CollectionAge);
        }
    }

    private void OnMembershipChanged()
    {
        if (!_alive)
        {
            return;
        }

        Catalog.DeactivateWhere(
            id => !ReferenceEquals(Membership.Locate(id), this),
            new DeactivationReason(DeactivationReasonCode.PlacementChanged, "the grain now belongs to another silo"));
        _ = ReloadRemindersAsync();
    }

    private async Task ReloadRemindersAsync()
    {
        try
        {
            await Reminders.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Logger.LogWarning(exception, "Silo {Silo} could not reload reminders", Name);
        }
    }
}
