namespace Booking.Runtime;

/// <summary>Creates grain references (Orleans' <c>IGrainFactory</c>).</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference at once; the grain is activated on its first call, on the silo that owns its key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Returns a reference to a grain with a <see cref="Guid"/> key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>Returns a reference to a grain with an integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>Returns a reference of type <typeparamref name="TGrainInterface"/> to the grain <paramref name="grainId"/>
    /// (used to reach a grain through one of its secondary interfaces, such as <see cref="IRemindable"/>).</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
