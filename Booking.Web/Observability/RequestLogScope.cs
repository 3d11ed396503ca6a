using System.Collections;

namespace Booking.Web.Observability;

/// <summary>
/// The fields every log entry written while serving a request carries: the request id (also sent back as
/// <c>X-Request-Id</c>) and, once authentication has run, the caller's user id. Plain strings, so an entry written after the
/// request ended (a notification delivered in the background) reads them safely.
/// </summary>
internal sealed class RequestLogScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string RequestIdKey = "RequestId";
    public const string UserIdKey = "UserId";

    public string RequestId { get; } = requestId;

    public string? UserId { get; set; }

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(RequestIdKey, RequestId),
        1 => new(UserIdKey, UserId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => UserId is null ? $"RequestId:{RequestId}" : $"RequestId:{RequestId} UserId:{UserId}";
}
