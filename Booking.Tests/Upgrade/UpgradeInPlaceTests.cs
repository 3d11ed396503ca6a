using System.Globalization;
using System.Net;
using System.Text.Json;
using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Booking.Tests.Reliability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Booking.Tests.Upgrade;

/// <summary>
/// Upgrade in place: a database written by the pre-Orleans engine (the fixtures, see <see cref="LegacyDatabase"/>) opens
/// under this code with its accounts, resources, bookings and pending hold, its grain types renamed and its hold's
/// reminder carried into Orleans' reminder table.
/// </summary>
public sealed class UpgradeInPlaceTests
{
    private const string LegacyGrainTypePattern = "Booking.Grains.Interfaces.%";

    [Fact]
    public async Task A_pre_Orleans_sqlite_file_opens_with_its_accounts_resources_bookings_and_hold()
    {
        var data = LegacyDatabase.Sqlite;
        var path = Path.Combine(Path.GetTempPath(), $"booking-upgrade-{Guid.NewGuid():N}.db");
        File.Copy(data.FixturePath, path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        try
        {
            await using var host = ApiHost.Sqlite(path, ClusterPorts());
            var client = host.CreateClient();
            (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

            var reminder = await ReminderOrExpiredHoldAsync(host, client, data, () => SqliteReminderAsync(connectionString, data));
            await AssertLegacyDataIntactAsync(client, data, reminder);

            Assert.Equal(0L, await SqliteScalarAsync(connectionString, $"SELECT count(*) FROM grain_state WHERE grain_type LIKE '{LegacyGrainTypePattern}'"));
            Assert.Equal(0L, await SqliteScalarAsync(connectionString, "SELECT count(*) FROM reminders"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    [Trait("Requires", "PostgreSQL")]
    public async Task A_pre_Orleans_postgres_database_opens_with_its_accounts_resources_bookings_and_hold()
    {
        var data = LegacyDatabase.Postgres;
        await using var database = await PostgresDatabase.CreateAsync();
        await RestoreDumpAsync(database.ConnectionString, data.FixturePath);

        await using var host = ApiHost.Postgres(database.ConnectionString, ClusterPorts());
        var client = host.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var reminder = await ReminderOrExpiredHoldAsync(host, client, data, () => PostgresReminderAsync(database.DataSource, data));
        await AssertLegacyDataIntactAsync(client, data, reminder);

        Assert.Equal(0L, await PostgresScalarAsync(database.DataSource, $"SELECT count(*) FROM grain_state WHERE grain_type LIKE '{LegacyGrainTypePattern}'"));
        Assert.Equal(0L, await PostgresScalarAsync(database.DataSource, "SELECT count(*) FROM reminders"));
    }

    /// <summary>
    /// What the user of the old database notices: the same sign-in, resource, booking and hold; the booked slot still
    /// refused to others; the lapsed hold's slot free again and the hold then cancelled as expired.
    /// </summary>
    private static async Task AssertLegacyDataIntactAsync(HttpClient client, LegacyDatabase data, StoredReminder? reminder)
    {
        var member = await client.LoginAsync(LegacyDatabase.MemberEmail, LegacyDatabase.MemberPassword);
        var me = await GetJsonAsync(client, "/api/v1/me", member.AccessToken);
        Assert.Equal(data.MemberId, me.GetProperty("id").GetString());
        Assert.Equal(LegacyDatabase.MemberEmail, me.GetProperty("email").GetString());

        var resources = await GetJsonAsync(client, $"/api/v1/resources?q={Uri.EscapeDataString(LegacyDatabase.ResourceName)}");
        Assert.Contains(resources.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == data.ResourceId);

        var booking = await GetJsonAsync(client, $"/api/v1/bookings/{data.BookingId}", member.AccessToken);
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(data.ResourceId, booking.GetProperty("resourceId").GetString());
        Assert.Equal(LegacyDatabase.Date, booking.GetProperty("date").GetString());
        Assert.Equal(LegacyDatabase.BookingStart, booking.GetProperty("start").GetString());
        Assert.Equal("legacy booking", booking.GetProperty("subject").GetString());
        var mine = await GetJsonAsync(client, "/api/v1/bookings?pageSize=100", member.AccessToken);
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), b => b.GetProperty("id").GetString() == data.BookingId);

        // The resource-day grain read its old state: its occupancy (not the bookings table) has the booking.
        var day = await GetJsonAsync(client, $"/api/v1/resources/{data.ResourceId}/days/{LegacyDatabase.Date}");
        Assert.Contains(day.GetProperty("taken").EnumerateArray(), t =>
            t.GetProperty("start").GetString() == LegacyDatabase.BookingStart && t.GetProperty("end").GetString() == LegacyDatabase.BookingEnd);

        var other = await client.SignUpAsync();
        var taken = await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", other.AccessToken, new
        {
            resourceId = data.ResourceId,
            date = LegacyDatabase.Date,
            start = LegacyDatabase.BookingStart,
            end = LegacyDatabase.BookingEnd,
        });
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");

        var hold = await GetJsonAsync(client, $"/api/v1/bookings/{data.HoldId}", member.AccessToken);
        Assert.Equal(LegacyDatabase.HoldStart, hold.GetProperty("start").GetString());
        Assert.Equal(data.HoldId, hold.GetProperty("holdId").GetString());
        var holdExpiresAt = hold.GetProperty("holdExpiresAt").GetDateTimeOffset();
        if (hold.GetProperty("status").GetString() == "pending")
        {
            // Not expired yet by the new code: the reminder that will expire it must be in Orleans' table, due when the hold lapses.
            Assert.NotNull(reminder);
            Assert.Equal(TimeSpan.FromMinutes(1), reminder.Period);
            Assert.InRange(reminder.StartAt, holdExpiresAt.AddSeconds(-1), holdExpiresAt.AddSeconds(1));
        }
        else
        {
            AssertExpired(hold);
        }

        // The hold lapsed minutes after the fixture was written, so its slot is free; the write that takes it cancels the hold.
        var heldSlot = await client.SendAsync(HttpMethod.Post, "/api/v1/bookings", other.AccessToken, new
        {
            resourceId = data.ResourceId,
            date = LegacyDatabase.Date,
            start = LegacyDatabase.HoldStart,
            durationMinutes = 60,
        });
        Assert.True(heldSlot.StatusCode == HttpStatusCode.Created, await heldSlot.Content.ReadAsStringAsync());
        AssertExpired(await GetJsonAsync(client, $"/api/v1/bookings/{data.HoldId}", member.AccessToken));
    }

    /// <summary>
    /// The hold's reminder as the reminder table has it, read until it is there (and Orleans finds it by hash range, as its
    /// reminder service loads them) or the hold has expired already (then the imported reminder has fired and removed
    /// itself; null). Both only happen if the legacy reminder was imported: no read or refusal writes the day, and nothing
    /// else registers its reminder.
    /// </summary>
    private static async Task<StoredReminder?> ReminderOrExpiredHoldAsync(
        ApiHost host, HttpClient client, LegacyDatabase data, Func<Task<StoredReminder?>> readReminder)
    {
        var table = host.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("resource-day", data.ResourceDayKey);
        var hash = grainId.GetUniformHashCode();
        var token = (await client.LoginAsync(LegacyDatabase.MemberEmail, LegacyDatabase.MemberPassword)).AccessToken;
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await readReminder() is { } reminder)
            {
                var inRange = await table.ReadRows(unchecked(hash - 1), hash);
                if (inRange.Reminders.Any(r => r.GrainId == grainId && r.ReminderName == LegacyDatabase.HoldReminderName))
                {
                    return reminder;
                }
            }

            var hold = await GetJsonAsync(client, $"/api/v1/bookings/{data.HoldId}", token);
            if (hold.GetProperty("status").GetString() == "cancelled")
            {
                AssertExpired(hold);
                return null;
            }

            Assert.True(DateTime.UtcNow < limit, $"Timed out waiting for the hold's reminder {grainId} in Orleans' reminder table.");
            await Task.Delay(100);
        }
    }

    private static void AssertExpired(JsonElement hold)
    {
        Assert.Equal("cancelled", hold.GetProperty("status").GetString());
        Assert.Equal("hold expired", hold.GetProperty("cancelReason").GetString());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, string? accessToken = null)
    {
        var response = await client.SendAsync(HttpMethod.Get, url, accessToken);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    // The default ports are shared by every host of the run; this host's silo takes a free one and opens no gateway.
    private static Dictionary<string, string?> ClusterPorts() => new()
    {
        ["Booking:Cluster:SiloPort"] = ChildProcesses.FreePort().ToString(CultureInfo.InvariantCulture),
        ["Booking:Cluster:GatewayPort"] = "0",
    };

    /// <summary>Feeds a plain <c>pg_dump</c> to the database as one command, without psql's meta-commands.</summary>
    private static async Task RestoreDumpAsync(string connectionString, string dumpPath)
    {
        var sql = string.Join('\n', (await File.ReadAllLinesAsync(dumpPath)).Where(line => !line.StartsWith('\\')));

        // Unpooled: the dump empties search_path for its session, which must not be handed to anyone else.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<StoredReminder?> SqliteReminderAsync(string connectionString, LegacyDatabase data)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT start_at, period_ms FROM orleans_reminders WHERE grain_id = $grainId AND reminder_name = $name";
        command.Parameters.AddWithValue("$grainId", data.ResourceDayGrainId);
        command.Parameters.AddWithValue("$name", LegacyDatabase.HoldReminderName);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredReminder(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(reader.GetInt64(1)))
            : null;
    }

    private static async Task<StoredReminder?> PostgresReminderAsync(NpgsqlDataSource dataSource, LegacyDatabase data)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT starttime, period FROM orleansreminderstable WHERE serviceid = $1 AND grainid = $2 AND remindername = $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "booking" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = data.ResourceDayGrainId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = LegacyDatabase.HoldReminderName });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredReminder(reader.GetFieldValue<DateTimeOffset>(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)))
            : null;
    }

    private static async Task<long> SqliteScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> PostgresScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
