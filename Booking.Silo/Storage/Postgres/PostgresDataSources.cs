using Npgsql;

namespace Booking.Silo.Storage.Postgres;

/// <summary>Builds the data sources the storage components use, with the connection settings they depend on.</summary>
internal static class PostgresDataSources
{
    public static NpgsqlDataSource Create(PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.ConnectionString)} is required.");
        }

        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);

        // The group-commit writer blames a failed statement on its own write through PostgresException.BatchCommand,
        // which Npgsql only fills in when asked to.
        builder.ConnectionStringBuilder.IncludeFailedBatchedCommand = true;

        // Every write sends the same few statements; preparing them saves the server a parse and plan per statement.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }
}
