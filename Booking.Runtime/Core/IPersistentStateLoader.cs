namespace Booking.Runtime.Core;

/// <summary>Lets the activation load every persistent state before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync();
}
