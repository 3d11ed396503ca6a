using System.Net;
using Booking.Grains.Interfaces.Model;
using Booking.Silo.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Tests.Api;

/// <summary>
/// When PostgreSQL's overlap fences refuse a booking the grains accepted (a row they did not know of takes the time),
/// the client gets the same 409 as for the grains' own refusal, and the resource-day goes on taking bookings.
/// </summary>
public sealed class FenceRefusalApiTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private static DateOnly Day => ResourceSteps.Soon;

    private static string Date => ResourceSteps.Date(Day);

    [Fact]
    public async Task A_booking_the_user_fence_refuses_is_409_user_conflict_and_the_slot_stays_free_for_others()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString()!;
        var elsewhere = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString()!;
        var booker = await _client.SignUpAsync();

        // The booker's user-day grain is now active and knows of one booking only; then a confirmed booking of theirs at
        // 14:00 elsewhere appears behind its back, as one committed by a second activation of it on another silo would.
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(booker.AccessToken, resourceId, "09:00")).StatusCode);
        await InsertConfirmedAsync(booker.Account.Id, elsewhere, "14:00");

        var refused = await BookAsync(booker.AccessToken, resourceId, "14:00");

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "user_conflict");
        Assert.Equal(1, await CountRowsAsync(booker.Account.Id, resourceId));
        var other = await _client.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(other.AccessToken, resourceId, "14:00")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(booker.AccessToken, resourceId, "16:00")).StatusCode);
    }

    [Fact]
    public async Task A_booking_the_resource_fence_refuses_is_409_slot_unavailable_without_the_refused_time_among_the_alternatives()
    {
        var owner = await _client.SignUpProviderAsync(fixture.Host);
        var resourceId = (await _client.CreateServiceAsync(owner.AccessToken)).GetProperty("id").GetString()!;
        var first = await _client.SignUpAsync();
        var second = await _client.SignUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(first.AccessToken, resourceId, "09:00")).StatusCode);
        await InsertConfirmedAsync(Guid.NewGuid().ToString("N"), resourceId, "11:00");

        var refused = await BookAsync(second.AccessToken, resourceId, "11:00");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "slot_unavailable");
        Assert.All(problem.GetProperty("alternatives").EnumerateArray(), a => Assert.NotEqual("11:00", a.GetProperty("start").GetString()));
        Assert.Equal(0, await CountRowsAsync(second.Account.Id, resourceId));
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(second.AccessToken, resourceId, "12:00")).StatusCode);
    }

    private Task<HttpResponseMessage> BookAsync(string token, string resourceId, string start) =>
        _client.SendAsync(HttpMethod.Post, "/api/v1/bookings", token, new { resourceId, date = Date, start, durationMinutes = 60 });

    /// <summary>A confirmed one-hour row of a capacity-1 service (UTC), written with plain SQL as no grain would.</summary>
    private async Task InsertConfirmedAsync(string userId, string resourceId, string start)
    {
        var local = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var startUtc = new DateTimeOffset(Day.ToDateTime(local), TimeSpan.Zero);
        var record = new BookingRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            ResourceId = resourceId,
            ResourceKind = ResourceKind.Service,
            Date = Day,
            Start = local,
            End = local.AddHours(1),
            StartUtc = startUtc,
            EndUtc = startUtc.AddHours(1),
            UserId = userId,
            Status = BookingStatus.Confirmed,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using var command = fixture.Database.DataSource.CreateCommand("""
            INSERT INTO bookings (id, resource_id, resource_kind, capacity, user_id, local_date, local_start, local_end, start_utc, end_utc,
                duration_minutes, status, created_at, updated_at, record)
            VALUES ($1, $2, 'service', 1, $3, $4, $5, $6, $7, $8, 60, 'confirmed', $9, $9, $10)
            """);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Id, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = userId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = Day, NpgsqlDbType = NpgsqlDbType.Date });
        parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = record.Start, NpgsqlDbType = NpgsqlDbType.Time });
        parameters.Add(new NpgsqlParameter<TimeOnly> { TypedValue = record.End, NpgsqlDbType = NpgsqlDbType.Time });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.StartUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.EndUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = new JsonGrainStateSerializer().Serialize(record), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountRowsAsync(string userId, string resourceId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT count(*) FROM bookings WHERE user_id = $1 AND resource_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resourceId, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
