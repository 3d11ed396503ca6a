namespace Booking.Tests.Api;

/// <summary>
/// One API host over memory storage for one test class. The booking routes need the bookings query table, which only
/// the memory provider has so far; their tests move to PostgreSQL when its bookings table lands.
/// </summary>
public sealed class MemoryApiFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new(new Dictionary<string, string?> { ["Booking:Storage:Provider"] = "Memory" });

    public async Task InitializeAsync()
    {
        using var client = Host.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
