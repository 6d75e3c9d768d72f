namespace Alpr.Edge.Capture.Pacing;

/// <summary>
/// Spaces frames at a fixed interval on a <see cref="TimeProvider"/>. The first frame is due at once; later
/// ones on a fixed schedule, so slow consumers do not add drift. A consumer more than one interval late
/// restarts the schedule instead of receiving a burst.
/// </summary>
public sealed class FramePacer
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private long _scheduleStart;
    private long _framesOnSchedule = -1;

    /// <summary>Creates a pacer; <see cref="TimeSpan.Zero"/> never waits.</summary>
    public FramePacer(TimeProvider timeProvider, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _timeProvider = timeProvider;
        _interval = interval;
    }

    /// <summary>Completes when the next frame is due.</summary>
    public async Task WaitForNextFrameAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_interval == TimeSpan.Zero)
        {
            return;
        }

        if (_framesOnSchedule < 0)
        {
            Restart();
            return;
        }

        _framesOnSchedule++;
        var due = _interval * _framesOnSchedule;
        var elapsed = _timeProvider.GetElapsedTime(_scheduleStart);
        var wait = due - elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken);
        }
        else if (-wait > _interval)
        {
            Restart();
        }
    }

    private void Restart()
    {
        _scheduleStart = _timeProvider.GetTimestamp();
        _framesOnSchedule = 0;
    }
}
