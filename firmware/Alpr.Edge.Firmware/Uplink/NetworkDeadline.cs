namespace Alpr.Edge.Firmware.Uplink;

/// <summary>A token cancelled by the caller's token or when a timeout on the given clock passes, whichever is first.</summary>
internal sealed class NetworkDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public NetworkDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the timeout (not the caller) cancelled the token.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
