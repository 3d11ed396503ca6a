using Booking.Grains.Messages;
using Booking.Grains.Persistence;
using Booking.Silo.Hosting;
using Booking.Silo.Messages.Memory;
using Booking.Silo.Messages.Postgres;
using Booking.Silo.Messages.Sqlite;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Postgres;
using Booking.Silo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Silo.Messages;

/// <summary>Registers the message outbox of the configured storage, its projection writer and the dispatcher that sends from it.</summary>
public static class MessageServiceCollectionExtensions
{
    /// <summary>
    /// Adds, for <paramref name="storage"/>'s provider, the outbox tables' migrations, the writer that records message events
    /// in the causing state write's transaction, the <see cref="IMessageOutbox"/> over them, and (unless
    /// <c>Booking:Messages:Enabled</c> is false) the silo's <see cref="MessageDispatcher"/> with the <c>Booking:Mail</c> settings.
    /// </summary>
    public static IServiceCollection AddBookingMessages(this IServiceCollection services, BookingStorageOptions storage, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<JsonGrainStateSerializer>(_ => new JsonGrainStateSerializer());
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                foreach (var migration in PostgresMessageTables.Migrations)
                {
                    services.AddPostgresMigration(migration.Id, migration.Name, migration.Sql);
                }

                services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostgresProjectionWriter, PostgresMessageEventsWriter>());
                services.TryAddSingleton(sp => new PostgresMessageStore(
                    new PostgresStorageOptions { ConnectionString = storage.ConnectionString }, sp.GetRequiredService<JsonGrainStateSerializer>()));
                services.TryAddSingleton<IMessageOutbox>(sp => sp.GetRequiredService<PostgresMessageStore>());
                services.TryAddSingleton<IMessageStore>(sp => sp.GetRequiredService<PostgresMessageStore>());
                break;
            case StorageProvider.Sqlite:
                foreach (var migration in SqliteMessageTables.Migrations)
                {
                    services.AddSqliteMigration(migration.Id, migration.Name, migration.Sql);
                }

                services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteProjectionWriter, SqliteMessageEventsWriter>());
                services.TryAddSingleton(sp => new SqliteMessageStore(
                    new SqliteStorageOptions { ConnectionString = storage.ConnectionString }, sp.GetRequiredService<JsonGrainStateSerializer>()));
                services.TryAddSingleton<IMessageOutbox>(sp => sp.GetRequiredService<SqliteMessageStore>());
                services.TryAddSingleton<IMessageStore>(sp => sp.GetRequiredService<SqliteMessageStore>());
                break;
            case StorageProvider.Memory:
                services.TryAddSingleton<InMemoryMessageStore>();
                services.TryAddSingleton<IMessageOutbox>(sp => sp.GetRequiredService<InMemoryMessageStore>());
                services.TryAddSingleton<IMessageStore>(sp => sp.GetRequiredService<InMemoryMessageStore>());
                services.AddSingleton<IMemoryProjectionSink>(sp => sp.GetRequiredService<InMemoryMessageStore>());
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider {storage.Provider}: use Sqlite, Postgres or Memory.");
        }

        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        var dispatch = configuration.GetSection(MessageDispatchOptions.SectionName).Get<MessageDispatchOptions>() ?? new MessageDispatchOptions();
        services.TryAddSingleton(mail);
        services.TryAddSingleton(dispatch);
        services.TryAddSingleton<MailTemplates>();
        services.TryAddSingleton<SmtpMailTransport>();
        services.TryAddSingleton<DeliveryPlanner>();
        services.TryAddSingleton<MailComposer>();
        if (dispatch.Enabled)
        {
            services.TryAddSingleton<MessageDispatcher>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MessageDispatcher>());
        }

        return services;
    }
}
