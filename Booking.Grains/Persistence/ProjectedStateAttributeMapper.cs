using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Booking.Grains.Persistence;

/// <summary>Creates the <see cref="IProjectedState{TState}"/> of a constructor parameter marked <see cref="ProjectedStateAttribute"/>.</summary>
internal sealed class ProjectedStateAttributeMapper : IAttributeToFactoryMapper<ProjectedStateAttribute>
{
    private static readonly MethodInfo CreateMethod =
        typeof(ProjectedStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, ProjectedStateAttribute metadata)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(metadata);
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IProjectedState<>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} has [ProjectedState] but is not an IProjectedState<T>.",
                nameof(parameter));
        }

        var create = (Func<IGrainContext, ProjectedStateAttribute, object>)CreateMethod
            .MakeGenericMethod(parameter.ParameterType.GetGenericArguments())
            .CreateDelegate(typeof(Func<IGrainContext, ProjectedStateAttribute, object>));
        return context => create(context, metadata);
    }

    private static object Create<TState>(IGrainContext context, ProjectedStateAttribute metadata)
    {
        var storage = metadata.StorageName is { Length: > 0 } name
            ? context.ActivationServices.GetKeyedService<IGrainStorage>(name)
            : context.ActivationServices.GetService<IGrainStorage>();
        return storage is null
            ? throw new BadProviderConfigException($"No grain storage named '{metadata.StorageName ?? "Default"}' for {context.GrainId.Type}.")
            : new ProjectedState<TState>(metadata.StateName, context, storage);
    }
}
