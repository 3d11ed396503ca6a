using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Booking.Bench.Targets.Http;

/// <summary>
/// Access tokens of the benchmark's employees on a running Booking.Web: each employee is a real account
/// (<c>bench-employee-{i}@bench.example.com</c>) with a real session, because the API checks every token's session.
/// Signing up and signing in hash a password (PBKDF2, 600,000 iterations), so tokens are kept in a file and reused
/// while they have at least an hour to live.
/// </summary>
internal static class EmployeeTokens
{
    private const string Password = "bench-employee-password";
    private static readonly TimeSpan MinimumLife = TimeSpan.FromHours(1);

    public static async Task<string[]> GetAsync(HttpClient http, int employees, string cachePath, Action<int> progress, CancellationToken cancellationToken)
    {
        var cache = await LoadAsync(cachePath, cancellationToken).ConfigureAwait(false);
        var tokens = new string[employees];
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        await Task.WhenAll(Enumerable.Range(0, employees).Select(async i =>
        {
            var email = Email(i);
            if (cache.TryGetValue(email, out var cached) && cached.Expires - DateTimeOffset.UtcNow > MinimumLife)
            {
                tokens[i] = cached.Token;
            }
            else
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var (token, expires) = await SignUpAndInAsync(http, email, i, cancellationToken).ConfigureAwait(false);
                    tokens[i] = token;
                    lock (cache)
                    {
                        cache[email] = (token, expires);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }

            progress(Interlocked.Increment(ref done));
        })).ConfigureAwait(false);

        await SaveAsync(cachePath, cache, cancellationToken).ConfigureAwait(false);
        return tokens;
    }

    public static string Email(int employee) => $"bench-employee-{employee.ToString(CultureInfo.InvariantCulture)}@bench.example.com";

    public static async Task<(string Token, DateTimeOffset Expires)> SignInAsync(HttpClient http, string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false))!;
        return (body["accessToken"]!.GetValue<string>(), DateTimeOffset.UtcNow.AddSeconds(body["expiresIn"]!.GetValue<int>()));
    }

    private static async Task<(string Token, DateTimeOffset Expires)> SignUpAndInAsync(HttpClient http, string email, int employee, CancellationToken cancellationToken)
    {
        using (var response = await http.PostAsJsonAsync(
            "api/v1/auth/register",
            new { email, password = Password, firstName = "Bench", lastName = "Employee " + employee.ToString(CultureInfo.InvariantCulture) },
            cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"Registering {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
            }
        }

        return await SignInAsync(http, email, Password, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, (string Token, DateTimeOffset Expires)>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var cache = new Dictionary<string, (string, DateTimeOffset)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return cache;
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))?.AsObject();
        foreach (var (email, entry) in json ?? [])
        {
            cache[email] = (entry!["token"]!.GetValue<string>(), entry["expires"]!.GetValue<DateTimeOffset>());
        }

        return cache;
    }

    private static async Task SaveAsync(string path, Dictionary<string, (string Token, DateTimeOffset Expires)> cache, CancellationToken cancellationToken)
    {
        var json = new JsonObject();
        foreach (var (email, (token, expires)) in cache)
        {
            json[email] = new JsonObject { ["token"] = token, ["expires"] = expires };
        }

        await File.WriteAllTextAsync(path, json.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
