namespace Booking.Tests.Api;

/// <summary>A host whose credential routes allow 3 requests a minute per client, over its own PostgreSQL database.</summary>
public sealed class RateLimitFixture : PostgresApiFixture
{
    public const int PermitLimit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Booking:RateLimiting:Auth:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Booking:RateLimiting:Auth:Window"] = "00:01:00",
    };
}
