using System.Net;

namespace Booking.Tests.Reliability;

/// <summary>One booking request of a load run and what its client learnt: an answer (status, code, booking id) or none.</summary>
internal sealed record BookingAttempt(string UserId, string ResourceId, DateOnly Date, TimeOnly Start, TimeSpan Elapsed)
{
    public HttpStatusCode? Status { get; init; }

    public string? Code { get; init; }

    public string? BookingId { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Whether the answer carried a Retry-After header.</summary>
    public bool RetryAfter { get; init; }

    /// <summary>When the answer (or the failure) came.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Why no answer came (connection refused or reset, timeout), when none did.</summary>
    public string? Failure { get; init; }

    public bool Confirmed => Status == HttpStatusCode.Created;

    /// <summary>Whether the client cannot know if the booking was written: no answer, or a 5xx.</summary>
    public bool OutcomeUnknown => Status is null || (int)Status >= 500;

    public (string, string, DateOnly, TimeOnly) Key => (UserId, ResourceId, Date, Start);

    public override string ToString() =>
        $"{UserId} {ResourceId} {Date:yyyy-MM-dd} {Start:HH:mm} → {(Status is { } s ? $"{(int)s} {Code} {BookingId}" : "no answer: " + Failure)} in {Elapsed.TotalMilliseconds:F0} ms";
}
