using System.Reflection;

namespace Booking.Runtime.Core;

/// <summary>Everything the runtime needs to call one grain interface method.</summary>
internal abstract class GrainMethod(MethodInfo method)
{
    public MethodInfo Method { get; } = method;

    public Type[] ParameterTypes { get; } = [.. method.GetParameters().Select(p => p.ParameterType)];

    public bool IsReadOnly { get; } = method.IsDefined(typeof(ReadOnlyAttribute), inherit: false);

    public bool AlwaysInterleave { get; } = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);

    public string DisplayName { get; } = $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>Calls the method through <paramref name="invoker"/>, returning the proxy's return value (a typed Task).</summary>
    public abstract object Invoke(IGrainCallInvoker invoker, GrainId grainId, object?[] arguments);
}
