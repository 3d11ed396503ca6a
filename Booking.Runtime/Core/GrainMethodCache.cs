using System.Collections.Concurrent;
using System.Reflection;

namespace Booking.Runtime.Core;

/// <summary>Builds and caches a <see cref="GrainMethod"/> per interface method.</summary>
internal static class GrainMethodCache
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> Methods = new();

    public static GrainMethod Get(MethodInfo method) => Methods.GetOrAdd(method, Create);

    private static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        Type resultType;
        if (returnType == typeof(Task))
        {
            resultType = typeof(VoidResult);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            resultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException(
                $"Grain method {method.DeclaringType?.FullName}.{method.Name} must return Task or Task<T>.");
        }

        return (GrainMethod)Activator.CreateInstance(typeof(GrainMethod<>).MakeGenericType(resultType), method)!;
    }
}
