using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Bench.Scenarios;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Bench.Targets.Http;

/// <summary>
/// The engine over HTTP: a running Booking.Web (PostgreSQL storage), driven through its public API with one real
/// account per employee. Creates a fresh site (or mentors) per run and audits only this run's resources in
/// Booking.Web's database, which it does not own. Its SQL statements run in another process and are not counted.
/// </summary>
internal sealed class HttpEngineTarget(HttpTargetOptions options) : IBookingTarget
{
    private readonly BookingApiClient _client = new(options.Url);
    private string[] _tokens = [];
    private string[] _resourceIds = [];

    public string Name => "http";

    public bool IsBaseline => false;

    public bool CountsStatements => false;

    /// <summary>Employees whose token is ready, while <see cref="PrepareAsync"/> runs (sign-ups are slow).</summary>
    public int EmployeesReady { get; private set; }

    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        var (admin, _) = await EmployeeTokens.SignInAsync(_client.Http, options.AdminEmail, options.AdminPassword, cancellationToken);
        _resourceIds = workload.Shape == ResourceShape.ParkingSlot
            ? await CreateSiteAsync(admin, workload.Resources, cancellationToken)
            : await CreateMentorsAsync(admin, workload.Resources, cancellationToken);
        _tokens = await EmployeeTokens.GetAsync(_client.Http, workload.Users, options.TokenCache, ready => EmployeesReady = ready, cancellationToken);

        // Every request's token is checked against its account grain; a service that has been up for a while has those
        // activated, so each employee's account is touched once here, outside the measurement.
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(_tokens.Select(async token =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await _client.Http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken) =>
        _client.BookAsync(_tokens[ask.User], _resourceIds[ask.Resource], ask, cancellationToken);

    public async Task<AuditResult> AuditAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.WebDatabase);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(DoubleBookingAudit.Sql("""
            SELECT id, resource_id, user_id, local_date AS date, local_start AS start_time, local_end AS end_time
            FROM bookings WHERE status = 'confirmed' AND resource_id = ANY($1)
            """), connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = _resourceIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AuditResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), "Booking.Web's bookings table (this run's resources)");
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string[]> CreateSiteAsync(string admin, int slots, CancellationToken cancellationToken)
    {
        var site = await PostAsync(admin, "api/v1/sites", new { name = $"Bench site {Guid.NewGuid():N}", slotCount = slots, timeZone = "UTC" }, cancellationToken);
        return [.. site["slots"]!.AsArray().Select(s => s!["resourceId"]!.GetValue<string>())];
    }

    private async Task<string[]> CreateMentorsAsync(string admin, int count, CancellationToken cancellationToken)
    {
        var weekly = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), start = Time(MentorHours.Opens), end = Time(MentorHours.Closes) }).ToArray();
        var ids = new string[count];
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var resource = await PostAsync(admin, "api/v1/resources", new
                {
                    kind = "mentor",
                    name = "Bench mentor " + i.ToString(CultureInfo.InvariantCulture),
                    timeZone = "UTC",
                    slotMinutes = MentorHours.SlotMinutes,
                    durations = MentorHours.Durations,
                    weekly,
                }, cancellationToken);
                ids[i] = resource["id"]!.GetValue<string>();
            }
            finally
            {
                gate.Release();
            }
        }));
        return ids;
    }

    private async Task<JsonObject> PostAsync(string token, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new InvalidOperationException($"POST {path} failed: {(int)response.StatusCode} {text}");
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
