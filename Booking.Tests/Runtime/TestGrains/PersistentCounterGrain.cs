using Booking.Runtime;

namespace Booking.Tests.Runtime.TestGrains;

public sealed class PersistentCounterGrain([PersistentState("counter")] IPersistentState<PersistentCounterState> counter)
    : Grain, IPersistentCounterGrain
{
    private int _seenOnActivate = -1;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seenOnActivate = counter.State.Value;
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        try
        {
            await counter.WriteStateAsync();
        }
        catch
        {
            // The write did not commit: do not keep a value storage does not have.
            counter.State.Value--;
            throw;
        }

        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<int> GetValueSeenOnActivateAsync() => Task.FromResult(_seenOnActivate);
}
