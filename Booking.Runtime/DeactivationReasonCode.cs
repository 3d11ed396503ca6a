namespace Booking.Runtime;

/// <summary>The kind of <see cref="DeactivationReason"/>.</summary>
public enum DeactivationReasonCode
{
    None,
    ShuttingDown,
    ActivationIdle,
    ApplicationRequested,
    IncompatibleRequest,
    ActivationFailed,
    InconsistentState,
    PlacementChanged,
}
