using System.Text.Json;
using Booking.Grains.Interfaces.Errors;
using Booking.Grains.Projections;
using Booking.Web.Auth;
using Booking.Web.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Storage;

namespace Booking.Web.Errors;

/// <summary>
/// Decides what a client learns about an exception: domain refusals keep their code and message, bad input says what is
/// wrong, an unreachable store is a 503, and anything else is a 500 that reveals nothing (no message, stack or SQL).
/// </summary>
internal static class ExceptionProblemMapper
{
    // SQLite result codes that mean the database cannot be used right now rather than that a statement is wrong.
    private static readonly HashSet<int> UnavailableSqliteCodes =
    [
        5, // SQLITE_BUSY
        6, // SQLITE_LOCKED
        8, // SQLITE_READONLY
        10, // SQLITE_IOERR
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
    ];

    /// <summary>
    /// The problem for <paramref name="exception"/>. A write refused by the bookings table's overlap fences is a refusal like
    /// the grains' own (409 <c>user_conflict</c> or <c>slot_unavailable</c>), should one ever escape the resource-day grain
    /// that normally answers it.
    /// </summary>
    public static ProblemDetails Map(Exception exception, IBookingFences? fences = null)
    {
        if (fences?.Refusal(exception) is { } refusal)
        {
            return Problem(BookingProblems.StatusFor(refusal.Code), refusal.Code, refusal.Message);
        }

        switch (exception)
        {
            case DomainException domain:
                return Problem(StatusFor(domain.Kind), domain.Code, domain.Message);
            case BadHttpRequestException badRequest:
                return Problem(badRequest.StatusCode, ProblemCodes.ForStatus(badRequest.StatusCode), DescribeBadRequest(badRequest));
            case JsonException json:
                return Problem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, DescribeJson(json));
            case SignInThrottledException throttled:
                return Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, throttled.Message);
            case InconsistentStateException:
                return ConcurrentUpdate();

            // Orleans rejects the requests queued on an activation it deactivates after a stale write (their forwarding to
            // a fresh activation may fail): none of them ran, so they are answered like the stale write itself.
            case OrleansMessageRejectionException rejection when rejection.Message.Contains(nameof(InconsistentStateException), StringComparison.Ordinal):
                return ConcurrentUpdate();

            // Orleans refuses a grain key that is empty or only white space: such an id names nothing.
            case ArgumentException { ParamName: "primaryKey" }:
                return Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Nothing has an empty or blank id.");
        }

        if (IsJsonReaderFaultOnBody(exception))
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request body is not valid JSON: it ends, or breaks off, inside a value.");
        }

        if (Unstorable(exception))
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request holds text the data store cannot keep (such as a NUL character).");
        }

        return IsUnavailable(exception)
            ? Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The service cannot reach its data store right now; retry shortly.")
            : Problem(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "An unexpected error occurred.");
    }

    /// <summary>Whether the exception, or one it wraps, says the storage or the silo cannot be reached.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var unavailable = current switch
            {
                SiloUnavailableException or TimeoutException or OrleansMessageRejectionException => true,
                PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
                NpgsqlException => true,
                SqliteException sqlite => UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode),
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }

        return false;
    }

    // System.Text.Json's reader fails with IndexOutOfRangeException rather than JsonException on a body cut off inside a
    // literal (a trailing "nul") once the body spans several buffer segments: a malformed body, found by the hostile-input
    // tests. Recognised by where it was thrown (the reader) and what was being done (reading the request body).
    private static bool IsJsonReaderFaultOnBody(Exception exception)
    {
        if (exception is not (IndexOutOfRangeException or ArgumentOutOfRangeException))
        {
            return false;
        }

        // The trace as text: it spans the awaits between the reader and the body-reading call, which StackTrace frames do not.
        var trace = exception.StackTrace ?? string.Empty;
        return trace.TrimStart().StartsWith($"at {typeof(Utf8JsonReader).FullName}.", StringComparison.Ordinal)
            && trace.Contains($"{typeof(HttpRequestJsonExtensions).FullName}.", StringComparison.Ordinal);
    }

    // PostgreSQL refuses characters its encoding cannot hold (NUL above all) in text and jsonb: bad input, found late.
    private static bool Unstorable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
            {
                return true;
            }
        }

        return false;
    }

    public static int StatusFor(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
        DomainErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string DescribeBadRequest(BadHttpRequestException exception) => exception switch
    {
        { InnerException: JsonException json } => DescribeJson(json),
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => exception.Message,
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } when exception.Message.Contains("charset", StringComparison.Ordinal) => exception.Message,
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => "The request body must be JSON (Content-Type: application/json).",
        _ when exception.Message.Contains("was not provided", StringComparison.Ordinal) => "The request body is missing.",
        _ => "The request could not be read: " + exception.Message,
    };

    // The serializer's own message names .NET types; the client gets the JSON path and position instead.
    private static string DescribeJson(JsonException exception)
    {
        var where = exception.Path is { Length: > 0 } path && path != "$" ? $" at '{path}'" : "";
        var line = exception.LineNumber is { } number ? $" (line {number + 1}, position {exception.BytePositionInLine ?? 0})" : "";
        if (exception.Message.StartsWith(NulFreeStringConverter.Refusal, StringComparison.Ordinal))
        {
            return NulFreeStringConverter.Refusal + where;
        }

        return exception.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase)
            ? "The request body lacks required fields: " + exception.Message[(exception.Message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : $"The request body is not valid JSON for this operation: a value{where} is malformed or of the wrong type{line}.";
    }

    private static ProblemDetails Problem(int status, string code, string detail) => new()
    {
        Status = status,
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static ProblemDetails ConcurrentUpdate() =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.ConcurrentUpdate, "Another request changed the same data at the same time; retry the request.");
}
