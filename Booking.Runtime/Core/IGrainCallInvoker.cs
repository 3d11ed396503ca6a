namespace Booking.Runtime.Core;

/// <summary>Sends a call to wherever the grain lives (local activation or another silo).</summary>
internal interface IGrainCallInvoker
{
    Task<T> InvokeAsync<T>(GrainId grainId, GrainMethod<T> method, object?[] arguments);
}
