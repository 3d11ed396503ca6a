using Booking.Bench.Scenarios;

namespace Booking.Bench.Targets;

/// <summary>A system under test: the engine (in process or over HTTP) or one of the plain-SQL baselines.</summary>
internal interface IBookingTarget : IAsyncDisposable
{
    /// <summary>The name printed in the table (<c>inproc</c>, <c>sql-lock</c>, ...).</summary>
    string Name { get; }

    /// <summary>Whether this is a plain-SQL baseline (the engine is compared with the best correct one).</summary>
    bool IsBaseline { get; }

    /// <summary>Whether its SQL statements run in this process, where <c>DbStatementCounter</c> sees them.</summary>
    bool CountsStatements { get; }

    /// <summary>Creates the target's own database (or cluster), the workload's resources and people. Not measured.</summary>
    Task PrepareAsync(Workload workload, CancellationToken cancellationToken);

    /// <summary>Sends one request and waits for its definitive answer.</summary>
    Task<AskResult> BookAsync(BookingAsk ask, CancellationToken cancellationToken);

    /// <summary>Counts, in SQL, the confirmed bookings stored and the double bookings among them.</summary>
    Task<AuditResult> AuditAsync(CancellationToken cancellationToken);
}
