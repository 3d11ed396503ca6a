using System.Text;

namespace Booking.Tests.Security;

/// <summary>One generated request: where it goes, as whom, with which bytes, and a word on how it was made.</summary>
internal sealed record HostileRequest(
    WriteRoute Route,
    string Path,
    string Caller,
    byte[]? Body,
    string? ContentType,
    bool DeclareLength,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Shape)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Route.Method).Append(' ').Append(Preview(Path, 200)).Append(" as ").Append(Caller);
        text.Append(" [").Append(Shape).Append("] content-type=").Append(ContentType ?? "(none)");
        text.Append(DeclareLength ? " length=" : " chunked=").Append(Body?.Length ?? 0);
        foreach (var header in Headers)
        {
            text.Append(' ').Append(header.Key).Append('=').Append(Preview(header.Value, 60));
        }

        if (Body is { Length: > 0 })
        {
            text.Append(" body=").Append(Preview(Encoding.UTF8.GetString(Body), 400));
        }

        return text.ToString();
    }

    private static string Preview(string value, int max)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length > max ? $"{shown}…({value.Length} chars)" : shown.ToString();
    }
}
