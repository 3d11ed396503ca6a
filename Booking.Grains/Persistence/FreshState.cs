using System.Reflection;

namespace Booking.Grains.Persistence;

/// <summary>Builds (once per type) the factory for the state of a grain that has no stored record.</summary>
public static class FreshState<T>
{
    public static readonly Func<T> Create = BuildFactory();

    private static Func<T> BuildFactory()
    {
        var type = typeof(T);
        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance<T>;
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => c.GetParameters().All(p => p.HasDefaultValue))
            .OrderBy(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is not null)
        {
            var arguments = constructor.GetParameters().Select(p => p.DefaultValue).ToArray();
            return () => (T)constructor.Invoke(arguments);
        }

        return () => throw new InvalidOperationException(
            $"Grain state type '{type.FullName}' needs a public parameterless constructor (or one whose parameters all have defaults) " +
            "so that a grain without a stored record gets a fresh state.");
    }
}
