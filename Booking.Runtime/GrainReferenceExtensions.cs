namespace Booking.Runtime;

/// <summary>Key accessors on grain references and grains, as in Orleans.</summary>
public static class GrainReferenceExtensions
{
    /// <summary>The id a grain reference points at.</summary>
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        IAddressable addressable => addressable.GrainId,
        Grain activation => activation.GrainId,
        _ => throw new ArgumentException("Not a grain reference or grain.", nameof(grain)),
    };

    /// <summary>The string key of a grain reference or grain.</summary>
    public static string GetPrimaryKeyString(this IGrain grain) => grain.GetGrainId().Key;

    /// <summary>The <see cref="Guid"/> key of a grain reference or grain.</summary>
    public static Guid GetPrimaryKey(this IGrain grain) => Guid.ParseExact(grain.GetGrainId().Key, "N");

    /// <summary>The integer key of a grain reference or grain.</summary>
    public static long GetPrimaryKeyLong(this IGrain grain) =>
        long.Parse(grain.GetGrainId().Key, System.Globalization.CultureInfo.InvariantCulture);
}
