namespace Booking.Runtime;

/// <summary>Why an activation is being deactivated (Orleans' <c>DeactivationReason</c>).</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
