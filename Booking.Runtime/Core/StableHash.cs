namespace Booking.Runtime.Core;

/// <summary>A process-independent 64-bit hash (FNV-1a with a murmur finaliser) for placement.</summary>
internal static class StableHash
{
    public static ulong Of(string first, string second) => Mix(Of(second, Of(first, 14695981039346656037UL)));

    public static ulong Of(string value) => Mix(Of(value, 14695981039346656037UL));

    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong Of(string value, ulong hash)
    {
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ 0xff) * 1099511628211UL;
    }
}
