namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Whether the ingest is connected and subscribed; lets callers wait until it is.</summary>
public sealed class IngestState
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while connected to the broker with both subscriptions in place.</summary>
    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return _ready.Task.IsCompleted;
            }
        }
    }

    /// <summary>Completes when the ingest is (or next becomes) connected and subscribed.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _ready.Task.WaitAsync(timeout, cancellationToken);
        }
    }

    internal void MarkReady()
    {
        lock (_gate)
        {
            _ready.TrySetResult();
        }
    }

    internal void MarkNotReady()
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
