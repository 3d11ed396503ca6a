namespace Booking.Runtime.Core;

/// <summary>A call of a grain interface method.</summary>
internal sealed class GrainCallRequest<T>(GrainMethod<T> method, object?[] arguments, DateTimeOffset deadline)
    : GrainRequest(method.IsReadOnly, method.AlwaysInterleave, deadline)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override async Task RunAsync(object grain)
    {
        try
        {
            _completion.TrySetResult(await method.CallAsync(grain, arguments));
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Redirect(IGrainCallInvoker invoker, GrainId grainId) =>
        invoker.InvokeAsync(grainId, method, arguments).ContinueWith(
            static (task, state) =>
            {
                var completion = (TaskCompletionSource<T>)state!;
                if (task.IsCompletedSuccessfully)
                {
                    completion.TrySetResult(task.Result);
                }
                else
                {
                    completion.TrySetException(task.Exception?.InnerExceptions ?? [new TaskCanceledException()]);
                }
            },
            _completion,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
