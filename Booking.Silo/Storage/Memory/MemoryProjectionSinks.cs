using Booking.Grains.Persistence;

namespace Booking.Silo.Storage.Memory;

/// <summary>Hands each write's projections to every registered sink (the bookings table, the message outbox).</summary>
internal sealed class MemoryProjectionSinks(IReadOnlyList<IMemoryProjectionSink> sinks) : IMemoryProjectionSink
{
    /// <summary>None, the one, or all of <paramref name="sinks"/>.</summary>
    public static IMemoryProjectionSink? Combine(IEnumerable<IMemoryProjectionSink> sinks)
    {
        List<IMemoryProjectionSink> all = [.. sinks.Distinct()];
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => new MemoryProjectionSinks(all),
        };
    }

    public void Apply(GrainId grainId, string stateName, IReadOnlyList<IStateProjection> projections)
    {
        foreach (var sink in sinks)
        {
            sink.Apply(grainId, stateName, projections);
        }
    }
}
