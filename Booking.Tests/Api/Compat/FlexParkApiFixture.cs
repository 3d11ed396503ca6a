namespace Booking.Tests.Api.Compat;

/// <summary>A host for FlexPark: self-registration open to the company domain only, plus one pre-registered contractor.</summary>
public sealed class FlexParkApiFixture : PostgresApiFixture
{
    public const string CompanyDomain = "flexpark.example";
    public const string PreRegistered = "contractor@partner.example";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Booking:Auth:AllowedEmailDomains"] = CompanyDomain,
        ["Booking:FlexPark:Employees"] = PreRegistered,
    };
}
