namespace Booking.Tests.Browser;

/// <summary>Browser tests share one app and one Chromium, and run one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}
