namespace Booking.Runtime;

/// <summary>Implemented by every grain reference: exposes the id it points at.</summary>
public interface IAddressable
{
    /// <summary>The grain this reference points at.</summary>
    GrainId GrainId { get; }
}
