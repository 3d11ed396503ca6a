using System.Reflection;

namespace Booking.Runtime.Hosting;

/// <summary>Runtime settings; defaults are Orleans' defaults.</summary>
public sealed class SiloOptions
{
    /// <summary>The silo's name (unique in a cluster); placement hashes over it.</summary>
    public string SiloName { get; set; } = "silo";

    /// <summary>A call that gets no answer in this time fails with <see cref="TimeoutException"/> (Orleans' ResponseTimeout).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is collected (Orleans' GrainCollectionOptions.CollectionAge).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (Orleans' CollectionQuantum).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="Grain.OnActivateAsync"/> may take before its token is cancelled.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="Grain.OnDeactivateAsync"/> may take.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Assemblies holding grain classes; when empty, every loaded assembly is searched.</summary>
    public IList<Assembly> GrainAssemblies { get; } = [];
}
