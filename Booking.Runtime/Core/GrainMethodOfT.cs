using System.Linq.Expressions;
using System.Reflection;

namespace Booking.Runtime.Core;

/// <summary>A grain method whose result (after await) is <typeparamref name="T"/>.</summary>
internal sealed class GrainMethod<T> : GrainMethod
{
    private readonly Func<object, object?[], Task<T>> _call;

    public GrainMethod(MethodInfo method)
        : base(method)
    {
        _call = Compile(method);
    }

    public bool ReturnsVoid => typeof(T) == typeof(VoidResult);

    /// <summary>Runs the method on a grain instance; a synchronous throw becomes a faulted task.</summary>
    public Task<T> CallAsync(object grain, object?[] arguments)
    {
        try
        {
            return _call(grain, arguments);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    public override object Invoke(IGrainCallInvoker invoker, GrainId grainId, object?[] arguments)
    {
        var result = invoker.InvokeAsync(grainId, this, arguments);
        return result;
    }

    private static Func<object, object?[], Task<T>> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));

        if (typeof(T) == typeof(VoidResult))
        {
            var voidCall = Expression.Lambda<Func<object, object?[], Task>>(call, grain, args).Compile();
            return (g, a) => (Task<T>)(object)AwaitVoid(voidCall(g, a));
        }

        return Expression.Lambda<Func<object, object?[], Task<T>>>(call, grain, args).Compile();
    }

    private static async Task<VoidResult> AwaitVoid(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
