using System.Globalization;
using Booking.Bench.Scenarios;

namespace Booking.Bench.Targets.Http;

/// <summary>A SQL baseline behind <see cref="BaselineHttpHost"/>, driven over HTTP with one token per person.</summary>
internal sealed class HttpBaselineTarget(SqlBaselineTarget baseline) : IBookingTarget
{
    private BaselineHttpHost? _host;
    private BookingApiClient? _client;
    private string[] _tokens = [];

    public string Name => baseline.Name + "/http";

    public bool IsBaseline => true;

    public bool CountsStatements => true;

    public async Task PrepareAsync(Workload workload, CancellationToken cancellationToken)
    {
        await baseline.PrepareAsync(workload, cancellationToken).ConfigureAwait(false);
        _host = new BaselineHttpHost(baseline.BookAsync);
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        _client = new BookingApiClient(_host.Address);
        _tokens = [.. Enumerable.Range(0, workload.Users).Select(_host.IssueToken)];
    }

    public Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken) =>
        _client!.BookAsync(_tokens[ask.User], ask.Resource.ToString(CultureInfo.InvariantCulture), ask, cancellationToken);

    public Task<AuditResult> AuditAsync(CancellationToken cancellationToken) => baseline.AuditAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        await baseline.DisposeAsync().ConfigureAwait(false);
    }
}
