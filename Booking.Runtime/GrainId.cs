using System.Diagnostics.CodeAnalysis;

namespace Booking.Runtime;

/// <summary>
/// The identity of a grain: the full name of its grain interface and its key.
/// Two references with equal ids always reach the same (single) activation.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Parses the form produced by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out GrainId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        id = new GrainId(value[..slash], value[(slash + 1)..]);
        return true;
    }
}
