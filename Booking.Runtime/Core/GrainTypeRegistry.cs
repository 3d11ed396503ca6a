using System.Collections.Concurrent;
using System.Reflection;

namespace Booking.Runtime.Core;

/// <summary>Maps grain interfaces (by type and by full name) to their single implementation class.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly ConcurrentDictionary<string, GrainClassInfo> _classes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Type> _interfaces = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Assembly> _assemblies;

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        _assemblies = [.. assemblies];
    }

    public static string GetTypeName(Type grainInterface) => grainInterface.FullName ?? grainInterface.Name;

    public GrainClassInfo GetClass(string interfaceName) => _classes.GetOrAdd(interfaceName, FindClass);

    // Only assemblies built against this runtime can hold grains; skipping the rest keeps scans short and away
    // from framework assemblies whose types cannot all be loaded.
    private IEnumerable<Assembly> Assemblies =>
        _assemblies.Count > 0
            ? _assemblies
            : AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && ReferencesRuntime(a));

    private static bool ReferencesRuntime(Assembly assembly)
    {
        var runtimeName = typeof(Grain).Assembly.GetName().Name;
        return assembly == typeof(Grain).Assembly
            || assembly.GetReferencedAssemblies().Any(n => n.Name == runtimeName);
    }

    private GrainClassInfo FindClass(string interfaceName)
    {
        var grainInterface = _interfaces.GetOrAdd(interfaceName, FindInterface);
        var candidates = Assemblies
            .SelectMany(SafeGetTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t) && grainInterface.IsAssignableFrom(t))
            .Distinct()
            .ToList();
        return candidates.Count switch
        {
            1 => new GrainClassInfo(candidates[0]),
            0 => throw new InvalidOperationException($"No grain class implements {interfaceName}."),
            _ => throw new InvalidOperationException(
                $"Several grain classes implement {interfaceName}: {string.Join(", ", candidates.Select(c => c.FullName))}."),
        };
    }

    private Type FindInterface(string interfaceName) =>
        Assemblies.SelectMany(SafeGetTypes).FirstOrDefault(t => t.IsInterface && GetTypeName(t) == interfaceName)
        ?? throw new InvalidOperationException($"Unknown grain interface {interfaceName}.");

    public void Remember(Type grainInterface) => _interfaces.TryAdd(GetTypeName(grainInterface), grainInterface);

    private static IEnumerable<Type> SafeGetTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException or NotSupportedException)
        {
            return [];
        }
    }
}
