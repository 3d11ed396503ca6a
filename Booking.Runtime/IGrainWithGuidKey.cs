namespace Booking.Runtime;

/// <summary>A grain identified by a <see cref="Guid"/> key (stored as its "N" string form).</summary>
public interface IGrainWithGuidKey : IGrain
{
}
