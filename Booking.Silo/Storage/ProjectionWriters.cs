using Booking.Grains.Persistence;
namespace Booking.Silo.Storage;

/// <summary>Looks up a provider's projection writers by the exact projection type.</summary>
internal static class ProjectionWriters
{
    public static Dictionary<Type, TWriter> ByType<TWriter>(IEnumerable<TWriter> writers)
        where TWriter : IProjectionWriter
    {
        var byType = new Dictionary<Type, TWriter>();
        foreach (var writer in writers)
        {
            if (!byType.TryAdd(writer.ProjectionType, writer))
            {
                throw new InvalidOperationException(
                    $"Two {typeof(TWriter).Name} implementations are registered for projection type '{writer.ProjectionType.FullName}'.");
            }
        }

        return byType;
    }

    public static TWriter Find<TWriter>(Dictionary<Type, TWriter> writers, IStateProjection projection)
        where TWriter : IProjectionWriter
    {
        ArgumentNullException.ThrowIfNull(projection);
        return writers.TryGetValue(projection.GetType(), out var writer)
            ? writer
            : throw new InvalidOperationException(
                $"No {typeof(TWriter).Name} is registered for projection type '{projection.GetType().FullName}'.");
    }
}
