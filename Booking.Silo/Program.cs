namespace Booking.Silo;

internal static class Program
{
    public static int Main()
    {
        Console.Error.WriteLine("Booking.Silo runs co-hosted inside Booking.Web until the cluster transport exists; start Booking.Web instead.");
        return 1;
    }
}
