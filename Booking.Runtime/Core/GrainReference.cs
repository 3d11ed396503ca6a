using System.Reflection;

namespace Booking.Runtime.Core;

/// <summary>
/// The proxy behind every grain reference: turns an interface call into a message for the grain's activation.
/// Never throws synchronously: every failure reaches the caller as a faulted task.
/// </summary>
public class GrainReference : DispatchProxy, IAddressable
{
    private IGrainCallInvoker? _invoker;

    /// <inheritdoc />
    public GrainId GrainId { get; private set; }

    internal static T Create<T>(IGrainCallInvoker invoker, GrainId grainId)
        where T : IGrain
    {
        var proxy = DispatchProxy.Create<T, GrainReference>();
        var reference = (GrainReference)(object)proxy;
        reference._invoker = invoker;
        reference.GrainId = grainId;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(IAddressable))
        {
            return GrainId;
        }

        if (targetMethod.DeclaringType == typeof(object))
        {
            return targetMethod.Name switch
            {
                nameof(ToString) => GrainId.ToString(),
                nameof(GetHashCode) => GrainId.GetHashCode(),
                nameof(Equals) => args?[0] is IAddressable other && other.GrainId == GrainId,
                _ => throw new NotSupportedException(targetMethod.Name),
            };
        }

        return GrainMethodCache.Get(targetMethod).Invoke(_invoker!, GrainId, args ?? []);
    }

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();
}
