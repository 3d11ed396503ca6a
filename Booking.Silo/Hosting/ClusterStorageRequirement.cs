using Npgsql;

namespace Booking.Silo.Hosting;

/// <summary>
/// A process that takes part in a multi-process cluster (a Booking.Silo process, or Booking.Web in client mode) finds the
/// other members, the grain state and the bookings table in one PostgreSQL database; SQLite and memory storage belong to a
/// single process. This says so at start-up, in words, rather than failing later on a missing table.
/// </summary>
public static class ClusterStorageRequirement
{
    /// <summary>Why <paramref name="storage"/> cannot serve a cluster member named <paramref name="process"/>, or null when it can.</summary>
    public static string? Problem(BookingStorageOptions storage, string process)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider != StorageProvider.Postgres)
        {
            return $"{process} needs PostgreSQL storage, but Booking:Storage:Provider is '{storage.Provider}'. Set Booking__Storage__Provider=Postgres "
                + "and Booking__Storage__ConnectionString to the database that every silo and API host of the cluster shares (it holds the "
                + "membership table, the grain state and the bookings). To run everything in one process on SQLite, run Booking.Web "
                + "with Booking__Cluster__Role=Silo (the default) instead.";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return $"{process}: Booking:Storage:ConnectionString names no Host; give an Npgsql connection string such as "
                    + "'Host=127.0.0.1;Port=5432;Username=booking;Password=...;Database=booking'.";
            }
        }
        catch (ArgumentException exception)
        {
            return $"{process}: Booking:Storage:ConnectionString is not an Npgsql connection string ({exception.Message}); give one such as "
                + "'Host=127.0.0.1;Port=5432;Username=booking;Password=...;Database=booking'.";
        }

        return null;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> with <see cref="Problem"/>'s explanation when there is one.</summary>
    public static void Ensure(BookingStorageOptions storage, string process)
    {
        if (Problem(storage, process) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
