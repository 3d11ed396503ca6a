namespace Booking.Tests.Api;

/// <summary>A host that lets only example.org addresses register themselves, over its own PostgreSQL database.</summary>
public sealed class RestrictedRegistrationFixture : PostgresApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Booking:Auth:AllowedEmailDomains"] = "example.org, @staff.example.org",
    };
}
