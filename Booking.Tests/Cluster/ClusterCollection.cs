namespace Booking.Tests.Cluster;

/// <summary>The cluster tests start several processes each: they run one at a time, so their timings are their own.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster processes";
}
