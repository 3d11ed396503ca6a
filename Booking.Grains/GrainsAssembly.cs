namespace Booking.Grains;

/// <summary>Names this assembly for silo configuration (<c>options.GrainAssemblies.Add(GrainsAssembly.Assembly)</c>).</summary>
public static class GrainsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
