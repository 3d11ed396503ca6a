namespace Booking.Silo.Hosting;

/// <summary>Which provider keeps grain state on PostgreSQL (<c>Booking:Storage:GrainStorage</c>).</summary>
public enum GrainStorageKind
{
    /// <summary>The project's group-commit provider: many grains' writes share one transaction (default: 7–10× the stock provider's durable writes/s here).</summary>
    GroupCommit,

    /// <summary>Orleans' stock ADO.NET provider, one round trip per write, for grains whose state has no projection; the resource-day grain keeps group commit.</summary>
    AdoNet,
}
