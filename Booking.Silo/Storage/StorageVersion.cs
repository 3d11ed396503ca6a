using System.Globalization;
using Orleans.Storage;

namespace Booking.Silo.Storage;

/// <summary>ETags of the built-in providers: the record's version number as an invariant decimal string.</summary>
internal static class StorageVersion
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for a null ETag ("insert if absent"); throws <see cref="InconsistentStateException"/> for an ETag no built-in provider issued.</summary>
    public static long? Parse(string? eTag, GrainId grainId, string stateName)
    {
        if (eTag is null)
        {
            return null;
        }

        if (long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new InconsistentStateException(
            $"ETag '{eTag}' of state '{stateName}' of grain {grainId} is not a version issued by this storage provider.", null, eTag);
    }

    /// <summary>The error for a failed version check; <paramref name="stored"/> when the provider knows it without another query.</summary>
    public static InconsistentStateException Conflict(GrainId grainId, string stateName, long? expected, long? stored = null) =>
        new(
            expected is { } v
                ? $"State '{stateName}' of grain {grainId} is no longer at version {Format(v)}: another activation wrote it first."
                : $"State '{stateName}' of grain {grainId} already exists: another activation created it first.",
            stored is { } s ? Format(s) : null,
            expected is { } e ? Format(e) : null);
}
