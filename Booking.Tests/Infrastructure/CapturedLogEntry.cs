using Microsoft.Extensions.Logging;

namespace Booking.Tests.Infrastructure;

/// <summary>One captured log call: its message, its structured properties, and the scopes around it.</summary>
public sealed record CapturedLogEntry(
    LogLevel Level,
    string Category,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyList<KeyValuePair<string, string?>> Properties,
    IReadOnlyList<KeyValuePair<string, string?>> Scopes,
    IReadOnlyList<string> ScopeTexts)
{
    /// <summary>Everything an operator could read of the entry: message, properties, scopes and the exception with its stack.</summary>
    public string AllText => string.Join('\n', new[] { Message, Exception?.ToString() ?? string.Empty }
        .Concat(Properties.Select(p => $"{p.Key}={p.Value}"))
        .Concat(Scopes.Select(p => $"{p.Key}={p.Value}"))
        .Concat(ScopeTexts));

    public string? Scope(string key) => Scopes.LastOrDefault(s => s.Key == key).Value;

    /// <summary>A structured value of the message itself (<c>{Email}</c> in the template), or null.</summary>
    public string? Property(string key) => Properties.FirstOrDefault(p => p.Key == key).Value;

    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : Environment.NewLine + Exception)}";
}
