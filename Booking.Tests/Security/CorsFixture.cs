using Booking.Tests.Api;

namespace Booking.Tests.Security;

/// <summary>A host that allows one browser origin.</summary>
public sealed class CorsFixture : PostgresApiFixture
{
    public const string AllowedOrigin = "https://app.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Booking:Cors:Origins"] = AllowedOrigin,
    };
}
