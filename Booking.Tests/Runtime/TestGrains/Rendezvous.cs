using System.Collections.Concurrent;

namespace Booking.Tests.Runtime.TestGrains;

/// <summary>Process-wide meeting points for tests: complete once the expected number of parties has arrived.</summary>
public static class Rendezvous
{
    private static readonly ConcurrentDictionary<string, (TaskCompletionSource Done, int[] Arrived)> Points = new();

    public static Task ArriveAsync(string name, int count)
    {
        var point = Points.GetOrAdd(name, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new int[1]));
        if (Interlocked.Increment(ref point.Arrived[0]) >= count)
        {
            point.Done.TrySetResult();
        }

        return point.Done.Task;
    }
}
