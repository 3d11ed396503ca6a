using Booking.Grains.Persistence;
using Booking.Silo.Reminders;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Booking.Silo.Storage;

/// <summary>Registers grain storage providers, reminder tables and their schema initializers.</summary>
public static class StorageServiceCollectionExtensions
{
    // Reminder tables are not named; their options live under this name so they never mix with a storage provider's.
    private const string ReminderOptionsName = "Booking.Silo.Reminders";

    /// <summary>Adds PostgreSQL grain storage under <paramref name="name"/> (a keyed <see cref="IGrainStorage"/>) and its schema initializer.</summary>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        services.AddOptions<PostgresStorageOptions>(name).Configure(configure);
        AddShared(services);
        services.AddGrainStorage(name, (sp, _) => new PostgresGrainStorage(
            GetOptions<PostgresStorageOptions>(sp, name),
            sp.GetRequiredService<JsonGrainStateSerializer>(),
            sp.GetServices<IPostgresProjectionWriter>(),
            GetTimeProvider(sp),
            GetLogger<PostgresGrainStorage>(sp)));
        AddPostgresInitializer(services, name);
        return services;
    }

    /// <summary>Adds PostgreSQL grain storage as the default provider and the projected-state provider (one instance under <see cref="GrainStorageNames.Default"/> and <see cref="GrainStorageNames.Projected"/>).</summary>
    public static IServiceCollection AddPostgresGrainStorageAsDefault(this IServiceCollection services, Action<PostgresStorageOptions> configure) =>
        services.AddPostgresGrainStorage(GrainStorageNames.Projected, configure).AddGrainStorageAlias(GrainStorageNames.Default, GrainStorageNames.Projected);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/> (a keyed <see cref="IGrainStorage"/>) and its schema initializer.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        services.AddOptions<SqliteStorageOptions>(name).Configure(configure);
        AddShared(services);
        services.AddGrainStorage(name, (sp, _) => new SqliteGrainStorage(
            GetOptions<SqliteStorageOptions>(sp, name),
            sp.GetRequiredService<JsonGrainStateSerializer>(),
            sp.GetServices<ISqliteProjectionWriter>(),
            GetTimeProvider(sp),
            GetLogger<SqliteGrainStorage>(sp)));
        AddSqliteInitializer(services, name);
        return services;
    }

    /// <summary>Registers the provider named <paramref name="name"/> under <paramref name="alias"/> too (one instance, two names).</summary>
    public static IServiceCollection AddGrainStorageAlias(this IServiceCollection services, string alias, string name) =>
        services.AddGrainStorage(alias, (sp, _) => sp.GetRequiredKeyedService<IGrainStorage>(name));

    /// <summary>Adds SQLite grain storage as the default provider and the projected-state provider (one instance under <see cref="GrainStorageNames.Default"/> and <see cref="GrainStorageNames.Projected"/>).</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(this IServiceCollection services, Action<SqliteStorageOptions> configure) =>
        services.AddSqliteGrainStorage(GrainStorageNames.Projected, configure).AddGrainStorageAlias(GrainStorageNames.Default, GrainStorageNames.Projected);

    /// <summary>
    /// Adds in-memory grain storage under <paramref name="name"/> (for tests). Projections go to a registered
    /// <see cref="IMemoryProjectionSink"/> if there is one and are ignored otherwise.
    /// </summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        AddShared(services);
        services.AddGrainStorage(name, (sp, _) => new Storage.Memory.MemoryGrainStorage(
            sp.GetRequiredService<JsonGrainStateSerializer>(),
            Storage.Memory.MemoryProjectionSinks.Combine(sp.GetServices<IMemoryProjectionSink>())));
        return services;
    }

    /// <summary>Adds in-memory grain storage as the default provider and the projected-state provider (one instance under <see cref="GrainStorageNames.Default"/> and <see cref="GrainStorageNames.Projected"/>).</summary>
    public static IServiceCollection AddMemoryGrainStorageAsDefault(this IServiceCollection services) =>
        services.AddMemoryGrainStorage(GrainStorageNames.Projected).AddGrainStorageAlias(GrainStorageNames.Default, GrainStorageNames.Projected);

    /// <summary>Adds the SQLite <see cref="IReminderTable"/> (Orleans' reminder service must be added too) and its schema initializer.</summary>
    public static IServiceCollection AddSqliteReminderTable(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        services.AddOptions<SqliteStorageOptions>(ReminderOptionsName).Configure(configure);
        AddShared(services);
        services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(GetOptions<SqliteStorageOptions>(sp, ReminderOptionsName)));
        AddSqliteInitializer(services, ReminderOptionsName);
        return services;
    }

    /// <summary>Adds an application migration (id 1000 or above) that every PostgreSQL initializer applies.</summary>
    public static IServiceCollection AddPostgresMigration(this IServiceCollection services, int id, string name, string sql)
    {
        services.AddSingleton<IPostgresMigration>(new PostgresMigration(id, name, sql));
        return services;
    }

    /// <summary>Adds an application migration (id 1000 or above) that every SQLite initializer applies.</summary>
    public static IServiceCollection AddSqliteMigration(this IServiceCollection services, int id, string name, string sql)
    {
        services.AddSingleton<ISqliteMigration>(new SqliteMigration(id, name, sql));
        return services;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton<JsonGrainStateSerializer>(_ => new JsonGrainStateSerializer());
    }

    // Several initializers may target one database (grain storage and reminders, say); that is safe because every
    // initializer is idempotent and serialises on the database's own lock.
    private static void AddPostgresInitializer(IServiceCollection services, string optionsName) =>
        services.AddSingleton<IStorageInitializer>(sp => new PostgresStorageInitializer(
            GetOptions<PostgresStorageOptions>(sp, optionsName),
            sp.GetServices<IPostgresMigration>(),
            GetTimeProvider(sp),
            GetLogger<PostgresStorageInitializer>(sp)));

    private static void AddSqliteInitializer(IServiceCollection services, string optionsName) =>
        services.AddSingleton<IStorageInitializer>(sp => new SqliteStorageInitializer(
            GetOptions<SqliteStorageOptions>(sp, optionsName),
            sp.GetServices<ISqliteMigration>(),
            GetTimeProvider(sp),
            GetLogger<SqliteStorageInitializer>(sp)));

    private static TOptions GetOptions<TOptions>(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

    private static TimeProvider GetTimeProvider(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ILogger<T> GetLogger<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
