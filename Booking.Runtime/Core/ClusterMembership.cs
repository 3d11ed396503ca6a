using System.Collections.Immutable;
using Booking.Runtime.Hosting;

namespace Booking.Runtime.Core;

/// <summary>
/// The live silos of an in-process cluster and the placement function: each grain id belongs to exactly one live
/// silo, chosen by rendezvous hashing so that a membership change moves only the keys of the silo that came or went.
/// </summary>
internal sealed class ClusterMembership
{
    private ImmutableArray<Silo> _silos = [];

    public event Action? Changed;

    public ImmutableArray<Silo> Silos => _silos;

    public Silo? Locate(GrainId grainId)
    {
        var silos = _silos;
        if (silos.Length == 1)
        {
            return silos[0];
        }

        Silo? best = null;
        ulong bestScore = 0;
        var keyHash = StableHash.Of(grainId.Type, grainId.Key);
        foreach (var silo in silos)
        {
            var score = StableHash.Mix(keyHash ^ silo.NameHash);
            if (best is null || score > bestScore)
            {
                best = silo;
                bestScore = score;
            }
        }

        return best;
    }

    public void Join(Silo silo)
    {
        ImmutableInterlocked.Update(ref _silos, static (list, s) => list.Contains(s) ? list : list.Add(s), silo);
        Changed?.Invoke();
    }

    public void Leave(Silo silo)
    {
        ImmutableInterlocked.Update(ref _silos, static (list, s) => list.Remove(s), silo);
        Changed?.Invoke();
    }
}
