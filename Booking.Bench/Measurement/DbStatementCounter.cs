using System.Diagnostics;

namespace Booking.Bench.Measurement;

/// <summary>
/// Counts the SQL statements and round trips this process sends to PostgreSQL, whoever sends them (a baseline, the
/// engine's storage, its queries), by listening to Npgsql's tracing: one activity per command or batch, whose
/// <c>db.query.text</c> joins a batch's statements with <c>";\n"</c>. Counts only while <see cref="Start"/>ed; the
/// activities cost nothing otherwise. A statement inside an explicit transaction's BEGIN/COMMIT is counted, the BEGIN
/// and COMMIT are not (none of the benchmark's code paths uses them).
/// </summary>
internal sealed class DbStatementCounter : IDisposable
{
    private const string QueryTextTag = "db.query.text";
    private readonly ActivityListener _listener;
    private volatile bool _counting;
    private long _statements;
    private long _roundTrips;

    public DbStatementCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _counting ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Statements => Interlocked.Read(ref _statements);

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public void Start()
    {
        Interlocked.Exchange(ref _statements, 0);
        Interlocked.Exchange(ref _roundTrips, 0);
        _counting = true;
    }

    public void Stop() => _counting = false;

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem(QueryTextTag) is not string text)
        {
            // Opening a physical connection, not a statement.
            return;
        }

        var statements = 1;
        var index = 0;
        while ((index = text.IndexOf(";\n", index, StringComparison.Ordinal)) >= 0)
        {
            statements++;
            index += 2;
        }

        Interlocked.Add(ref _statements, statements);
        Interlocked.Increment(ref _roundTrips);
    }
}
