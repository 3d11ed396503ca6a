namespace Booking.Runtime.Core;

/// <summary>Hands the activation's context to the <see cref="Grain"/> constructor while the runtime creates the instance.</summary>
internal static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    public static IGrainContext? Current => t_current;

    public static T Create<T>(IGrainContext context, Func<T> factory)
    {
        var previous = t_current;
        t_current = context;
        try
        {
            return factory();
        }
        finally
        {
            t_current = previous;
        }
    }
}
