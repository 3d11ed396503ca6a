using Booking.Grains.Persistence;

namespace Booking.Tests.Storage;

/// <summary>Records the projections the memory provider hands over; can be told to refuse one id.</summary>
internal sealed class RecordingProjectionSink : IMemoryProjectionSink
{
    public List<(GrainId GrainId, string StateName, IStateProjection Projection)> Applied { get; } = [];

    public string? RefusedId { get; set; }

    public void Apply(GrainId grainId, string stateName, IReadOnlyList<IStateProjection> projections)
    {
        if (projections.OfType<TestRowProjection>().Any(p => p.Id == RefusedId))
        {
            throw new InvalidOperationException("duplicate row");
        }

        Applied.AddRange(projections.Select(p => (grainId, stateName, p)));
    }
}
