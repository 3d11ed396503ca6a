
namespace Booking.Grains.Common;

/// <summary>
/// Write coalescing for a <c>[Reentrant]</c> grain's state (Chirper's pattern): changes are made in memory, then
/// <see cref="SaveAsync"/> waits for the write in flight, if any, and the changes made meanwhile ride together on the
/// next single write. Callers return only once a write that includes their change has committed. Turns never run in
/// parallel, so the fields need no lock; this only keeps two writes of one state from ever overlapping.
/// </summary>
internal sealed class CoalescedStateWriter<TState>(IPersistentState<TState> state)
{
    private Task? _writeInFlight;
    private bool _dirty;

    public async Task SaveAsync()
    {
        _dirty = true;
        while (_dirty)
        {
            if (_writeInFlight is { IsCompleted: false } running)
            {
                // Our change is in memory already; the next write after this one will carry it.
                await running;
                continue;
            }

            _dirty = false;
            var write = state.WriteStateAsync();
            _writeInFlight = write;
            try
            {
                await write;
            }
            finally
            {
                // Another turn may already have started the next write; only clear our own.
                if (ReferenceEquals(_writeInFlight, write))
                {
                    _writeInFlight = null;
                }
            }
        }
    }
}
