using Booking.Tests.Api;
using Booking.Tests.Infrastructure;
using Booking.Tests.Support;

namespace Booking.Tests.Messages;

/// <summary>An API host on a fresh PostgreSQL database that sends its mail to a real SMTP server in the test process.</summary>
public class MailHostFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private ApiHost? _host;
    private TestSmtpServer? _smtp;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal TestSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Settings beyond the SMTP ones.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        _database = await PostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(_smtp.Settings);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _host = ApiHost.Postgres(_database.ConnectionString, settings);
        using var client = _host.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
