using Booking.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Grains.Queries;

/// <summary>Registers the bookings query the user-day grain rebuilds from.</summary>
public static class BookingQueryServiceCollectionExtensions
{
    /// <summary>
    /// Uses one <see cref="InMemoryBookingStore"/> as the <see cref="IBookingQuery"/> and as the memory storage provider's
    /// projection sink (register before the memory storage is resolved). For the <c>Memory</c> provider and tests only.
    /// </summary>
    public static IServiceCollection AddInMemoryBookingStore(this IServiceCollection services, InMemoryBookingStore? store = null)
    {
        if (store is null)
        {
            services.TryAddSingleton<InMemoryBookingStore>();
        }
        else
        {
            services.TryAddSingleton(store);
        }

        services.TryAddSingleton<IBookingQuery>(sp => sp.GetRequiredService<InMemoryBookingStore>());
        services.TryAddSingleton<IMemoryProjectionSink>(sp => sp.GetRequiredService<InMemoryBookingStore>());
        return services;
    }
}
