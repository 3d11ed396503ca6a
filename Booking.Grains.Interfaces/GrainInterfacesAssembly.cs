namespace Booking.Grains.Interfaces;

/// <summary>Names this assembly for silo configuration: the runtime resolves grain interfaces only in the silo's grain assemblies.</summary>
public static class GrainInterfacesAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainInterfacesAssembly).Assembly;
}
