using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Grains.Persistence;

/// <summary>Registers the grains' persistence facets.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Makes <see cref="ProjectedStateAttribute"/> resolvable in grain constructors.</summary>
    public static IServiceCollection AddProjectedState(this IServiceCollection services)
    {
        services.TryAddSingleton<IAttributeToFactoryMapper<ProjectedStateAttribute>, ProjectedStateAttributeMapper>();
        return services;
    }
}
