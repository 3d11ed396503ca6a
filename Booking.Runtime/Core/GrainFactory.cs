using System.Globalization;

namespace Booking.Runtime.Core;

/// <summary><see cref="IGrainFactory"/> bound to one origin's call invoker.</summary>
internal sealed class GrainFactory(IGrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return GrainReference.Create<TGrainInterface>(invoker, new GrainId(GrainTypeRegistry.GetTypeName(typeof(TGrainInterface)), key));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey =>
        GrainReference.Create<TGrainInterface>(invoker, new GrainId(GrainTypeRegistry.GetTypeName(typeof(TGrainInterface)), key.ToString("N")));

    public TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey =>
        GrainReference.Create<TGrainInterface>(
            invoker,
            new GrainId(GrainTypeRegistry.GetTypeName(typeof(TGrainInterface)), key.ToString(CultureInfo.InvariantCulture)));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        GrainReference.Create<TGrainInterface>(invoker, grainId);
}
