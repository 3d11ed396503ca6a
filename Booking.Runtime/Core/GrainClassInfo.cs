using System.Reflection;
using Booking.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Runtime.Core;

/// <summary>A grain implementation class: how to construct it and how it admits requests.</summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainClassInfo).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;

    public GrainClassInfo(Type implementationType)
    {
        ImplementationType = implementationType;
        IsReentrant = implementationType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        _constructor = implementationType.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{implementationType.FullName} has no public constructor.");
        _parameters = _constructor.GetParameters();
    }

    public Type ImplementationType { get; }

    public bool IsReentrant { get; }

    /// <summary>Constructs the grain: <see cref="PersistentStateAttribute"/> parameters get state bound to this activation, the rest come from DI.</summary>
    public object CreateInstance(ActivationData activation, IServiceProvider services)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i] = Resolve(_parameters[i], activation, services);
        }

        return GrainContextScope.Create<object>(activation, () =>
        {
            try
            {
                return _constructor.Invoke(arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
                throw;
            }
        });
    }

    private static object? Resolve(ParameterInfo parameter, ActivationData activation, IServiceProvider services)
    {
        var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (attribute is not null)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"[PersistentState] parameter {parameter.Name} must be IPersistentState<T>.");
            }

            var storageName = attribute.StorageName ?? GrainStorageNames.Default;
            var storage = services.GetKeyedService<IGrainStorage>(storageName)
                ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered.");
            return CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .Invoke(null, [attribute.StateName, storage, activation]);
        }

        if (parameter.ParameterType == typeof(IGrainFactory))
        {
            return activation.GrainFactory;
        }

        var service = services.GetService(parameter.ParameterType);
        if (service is null && !parameter.HasDefaultValue)
        {
            throw new InvalidOperationException(
                $"Cannot resolve {parameter.ParameterType.Name} for parameter {parameter.Name} of grain {parameter.Member.DeclaringType?.Name}.");
        }

        return service ?? parameter.DefaultValue;
    }

    private static PersistentState<T> CreateState<T>(string stateName, IGrainStorage storage, ActivationData activation) =>
        new(stateName, storage, activation);
}
