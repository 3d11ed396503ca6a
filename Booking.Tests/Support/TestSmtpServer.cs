using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Booking.Tests.Reliability;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Booking.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 inside the test process: the engine's MailKit client talks to it
/// over TCP. It keeps every message it accepted, refuses addresses it is told to (550, for good), and can be stopped and
/// started again on the same port to play an outage.
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _running;
    private Task? _serving;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>Engine settings that send to this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Booking:Mail:Smtp:Host"] = "127.0.0.1",
        ["Booking:Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Booking:Mail:Smtp:Security"] = "None",
        ["Booking:Mail:Smtp:Timeout"] = "00:00:05",
        ["Booking:Mail:From"] = "bookings@engine.example.com",
        ["Booking:Messages:PollInterval"] = "00:00:00.100",
        ["Booking:Messages:RetryBaseDelay"] = "00:00:00.200",
        ["Booking:Messages:RetryMaxDelay"] = "00:00:01",
    };

    public static TestSmtpServer Start(int? port = null)
    {
        var server = new TestSmtpServer(port ?? ChildProcesses.FreePort());
        server.Resume();
        return server;
    }

    /// <summary>Refuses mail to <paramref name="address"/> with 550 from now on.</summary>
    public void Refuse(string address) => _refused[address] = true;

    /// <summary>Messages to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="address"/> has received a message that matches, and returns it.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> matches, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (To(address).FirstOrDefault(matches) is { } message)
            {
                return message;
            }

            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"No {what} reached {address} within 30 s; it received: {string.Join(" | ", To(address).Select(m => m.Subject))}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops listening (connections are refused) until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    /// <summary>Listens on <see cref="Port"/> again.</summary>
    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter(_refused));
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }
}
