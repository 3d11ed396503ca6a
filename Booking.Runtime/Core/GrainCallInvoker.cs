using Booking.Runtime.Hosting;
using Booking.Runtime.Serialization;

namespace Booking.Runtime.Core;

/// <summary>
/// Routes calls from one origin (a silo, or an external client when <paramref name="localSilo"/> is null):
/// to the local catalog when this silo owns the grain, otherwise through the wire serializer to the owning silo.
/// Every call is bounded by the response timeout.
/// </summary>
internal sealed class GrainCallInvoker(ClusterMembership membership, Silo? localSilo, TimeProvider timeProvider, TimeSpan responseTimeout)
    : IGrainCallInvoker
{
    public Task<T> InvokeAsync<T>(GrainId grainId, GrainMethod<T> method, object?[] arguments)
    {
        try
        {
            var target = membership.Locate(grainId)
                ?? throw new SiloUnavailableException("No silo is alive to host " + grainId + ".");
            var deadline = timeProvider.GetUtcNow() + responseTimeout;
            var call = ReferenceEquals(target, localSilo)
                ? target.Catalog.InvokeAsync(grainId, method, arguments, deadline)
                : SendAsync(target, grainId, method, arguments, deadline);
            return call.IsCompleted ? call : WithTimeoutAsync(call, grainId, method);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private static async Task<T> SendAsync<T>(Silo target, GrainId grainId, GrainMethod<T> method, object?[] arguments, DateTimeOffset deadline)
    {
        var request = WireSerializer.SerializeArguments(method, arguments);
        var response = await target.ReceiveAsync(grainId, method, request, deadline).ConfigureAwait(false);
        return WireSerializer.DeserializeResult<T>(response);
    }

    private async Task<T> WithTimeoutAsync<T>(Task<T> call, GrainId grainId, GrainMethod<T> method)
    {
        try
        {
            return await call.WaitAsync(responseTimeout, timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new TimeoutException($"{method.DisplayName} on {grainId} got no answer within {responseTimeout}.");
        }
        catch (TimeoutException) when (call.IsCompleted)
        {
            // The answer arrived as the timer fired: the answer wins (its own exception included).
            return await call.ConfigureAwait(false);
        }
    }
}
