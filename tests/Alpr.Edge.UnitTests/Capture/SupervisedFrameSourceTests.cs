using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.Supervision;
using Alpr.Edge.Capture.V4l2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>
/// Reconnection, stall detection and health states, on the simulated V4L2 camera and a fake clock that moves only while the
/// supervisor waits (<see cref="FakeClockLoop"/>), so the waits it asked for are asserted exactly, whatever the machine's load.
/// </summary>
public sealed class SupervisedFrameSourceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly SupervisionOptions NoJitter = new()
    {
        StallTimeout = TimeSpan.FromSeconds(5),
        ReconnectInitialDelay = TimeSpan.FromSeconds(1),
        ReconnectMaxDelay = TimeSpan.FromSeconds(4),
        ReconnectJitter = 0,
    };

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeClockLoop _loop;
    private readonly SimulatedV4l2Camera _camera;
    private readonly RecordingLogger<CameraHealthMonitor> _healthLog = new();
    private readonly List<DateTimeOffset> _openAttempts = [];
    private readonly List<CameraHealth> _changes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _frameTimes = [];
    private long _frames;
    private Task? _reading;

    public SupervisedFrameSourceTests()
    {
        _loop = new FakeClockLoop(_clock);
        _camera = new SimulatedV4l2Camera("/dev/video0", new SimulatedCameraOptions { Seed = 8 }, _clock) { FramesPerSecond = 10 };
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reading is not null)
        {
            await _loop.RunUntilCompletedAsync(_reading, "the reading to stop");
        }

        _stop.Dispose();
        _camera.Dispose();
        _loop.Dispose();
    }

    [Fact]
    public async Task Camera_unplugged_mid_stream_reconnects_with_doubling_capped_backoff_then_streams_again()
    {
        var supervised = Supervise("v4l2:///dev/video0?width=320&height=240&fps=10", NoJitter);
        Read(supervised);
        await _loop.AdvanceUntilAsync(() => Frames >= 3, Step, "three frames");
        Assert.Equal(CameraHealthState.Streaming, supervised.Health.Current.State);

        _camera.Unplug();
        var unpluggedAt = _clock.GetUtcNow();
        await _loop.AdvanceUntilAsync(() => Attempts >= 6, Step, "five failed reopen attempts");
        Assert.Equal(CameraHealthState.Reconnecting, supervised.Health.Current.State);
        Assert.Contains("ENOENT", supervised.Health.Current.Reason, StringComparison.Ordinal);
        Assert.Contains("reopening in 4.0 s (attempt 6)", supervised.Health.Current.Reason, StringComparison.Ordinal);
        var framesWhileUnplugged = Frames;

        _camera.Plug();
        await _loop.AdvanceUntilAsync(() => Frames >= framesWhileUnplugged + 3, Step, "frames after plugging back");

        // The read already waiting for the next frame (at most one 100 ms frame interval) sees the camera gone.
        var lostAt = ChangesSnapshot().First(c => c.State == CameraHealthState.Reconnecting).Since;
        Assert.InRange(lostAt - unpluggedAt, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        // Attempt 1 opened the camera; after the loss: waits of 1, 2, 4 (cap), 4, 4, 4 s, the last one opening it again.
        var opens = AttemptsSnapshot();
        Assert.Equal(7, opens.Count);
        Assert.Equal([1.0, 2.0, 4.0, 4.0, 4.0, 4.0], opens.Skip(1).Zip(opens.Skip(1).Prepend(lostAt)).Select(p => (p.First - p.Second).TotalSeconds));
        Assert.Equal(opens[^1], ChangesSnapshot()[^1].Since);
        Assert.Equal(CameraHealthState.Streaming, supervised.Health.Current.State);
        Assert.Equal(
            [CameraHealthState.Streaming, CameraHealthState.Reconnecting, CameraHealthState.Streaming],
            ChangesSnapshot().Select(c => c.State));
        Assert.Equal(6, supervised.Health.Current.Reconnects);
        // Each state change is logged once, not once per attempt.
        Assert.Single(_healthLog.Entries, e => e.Message.Contains("Reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_waits_are_spread_by_the_jitter_within_its_fraction()
    {
        var fine = TimeSpan.FromMilliseconds(20);
        var supervised = Supervise("v4l2:///dev/video0?width=320&height=240&fps=10", NoJitter with { ReconnectJitter = 0.2 }, new Random(5));
        Read(supervised);
        await _loop.AdvanceUntilAsync(() => Frames >= 1, fine, "a frame");

        _camera.Unplug();
        await _loop.AdvanceUntilAsync(() => Attempts >= 6, fine, "five failed reopen attempts");

        var lostAt = ChangesSnapshot().First(c => c.State == CameraHealthState.Reconnecting).Since;
        var opens = AttemptsSnapshot();
        var waits = opens.Skip(1).Zip(opens.Skip(1).Prepend(lostAt)).Select(p => (p.First - p.Second).TotalSeconds).ToList();
        double[] unjittered = [1, 2, 4, 4, 4];
        // Each wait is its doubling, capped base ±20 % (the clock moves in 20 ms steps, so a wait shows up to one step longer) ...
        Assert.Equal(unjittered.Length, waits.Count);
        Assert.All(waits.Zip(unjittered), w => Assert.InRange(w.First, w.Second * 0.8, (w.Second * 1.2) + fine.TotalSeconds));
        // ... and the jitter does spread them.
        Assert.Contains(waits.Zip(unjittered), w => Math.Abs(w.First - w.Second) > 2 * fine.TotalSeconds);
    }

    [Fact]
    public async Task Camera_that_stops_sending_is_stalled_then_reopened_and_streams_after_it_resumes()
    {
        var supervised = Supervise("v4l2:///dev/video0?width=320&height=240&fps=10", NoJitter);
        Read(supervised, frame => _frameTimes.Add(frame.CapturedAt));
        await _loop.AdvanceUntilAsync(() => Frames >= 2, Step, "two frames");

        _camera.Stall();
        var stalledAt = _clock.GetUtcNow();
        await _loop.AdvanceUntilAsync(() => ChangesSnapshot().Any(c => c.State == CameraHealthState.Reconnecting), Step, "the stall to be noticed");
        var stall = ChangesSnapshot().Single(c => c.State == CameraHealthState.Stalled);
        var lastFrameAt = FrameTimesSnapshot()[^1];
        // The read already waiting for the next frame may still deliver it (at most one 100 ms interval later) ...
        Assert.InRange(lastFrameAt - stalledAt, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        // ... then the camera is quiet, and exactly the stall timeout after the last frame it is stalled.
        Assert.Equal(TimeSpan.FromSeconds(5), stall.Since - lastFrameAt);
        Assert.Contains("no frame for 5 s", stall.Reason, StringComparison.Ordinal);
        var reconnecting = ChangesSnapshot().Single(c => c.State == CameraHealthState.Reconnecting);
        Assert.Contains("no frame for 5 s; reopening in 1.0 s (attempt 1)", reconnecting.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _camera.Opens);

        _camera.Resume();
        var before = Frames;
        await _loop.AdvanceUntilAsync(() => Frames >= before + 2, Step, "frames after the camera resumed");

        Assert.Equal(
            [CameraHealthState.Streaming, CameraHealthState.Stalled, CameraHealthState.Reconnecting, CameraHealthState.Streaming],
            ChangesSnapshot().Select(c => c.State));
        Assert.Equal(2, _camera.Opens);
        // Reopened after the 1 s back-off; frames at once, as the camera sends again.
        Assert.Equal(reconnecting.Since + TimeSpan.FromSeconds(1), AttemptsSnapshot()[^1]);
        Assert.Equal(AttemptsSnapshot()[^1], ChangesSnapshot()[^1].Since);
    }

    [Fact]
    public async Task Camera_that_refuses_the_format_fails_once_without_retrying()
    {
        var supervised = Supervise("v4l2:///dev/video0?width=800&height=600", NoJitter);
        Read(supervised);

        await _loop.AdvanceUntilAsync(() => _reading!.IsCompleted, Step, "the stream to end");

        var health = supervised.Health.Current;
        Assert.Equal(CameraHealthState.Failed, health.State);
        Assert.Contains("does not offer 800x600", health.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Attempts);
        Assert.Equal(Start, health.Since);
        Assert.Single(_healthLog.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Frames_are_numbered_across_sessions_and_stamped_with_wall_and_monotonic_time()
    {
        var supervised = Supervise("v4l2:///dev/video0?width=320&height=240&fps=10", NoJitter);
        var frames = new List<(long Sequence, DateTimeOffset At, long Monotonic)>();
        Read(supervised, frame => frames.Add((frame.Sequence, frame.CapturedAt, frame.MonotonicTimestamp)));
        await _loop.AdvanceUntilAsync(() => Frames >= 2, Step, "two frames");
        _camera.Unplug();
        _camera.Plug();
        await _loop.AdvanceUntilAsync(() => Frames >= 4, Step, "frames after a reconnect");

        List<(long Sequence, DateTimeOffset At, long Monotonic)> seen;
        lock (_gate)
        {
            seen = [.. frames];
        }

        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => (long)i), seen.Select(f => f.Sequence));
        Assert.All(seen.Zip(seen.Skip(1)), p => Assert.True(p.Second.At > p.First.At && p.Second.Monotonic > p.First.Monotonic));
        // Both clocks are read together when the buffer arrives.
        Assert.All(seen, f => Assert.Equal(_clock.GetElapsedTime(seen[0].Monotonic, f.Monotonic), f.At - seen[0].At));
    }

    [Fact]
    public async Task A_replay_source_that_ends_is_ended_not_reconnected()
    {
        var monitor = new CameraHealthMonitor("sim", _clock, _healthLog);
        await using var supervised = new SupervisedFrameSource(
            new SimulatedCamera("sim", new SimulatedCameraOptions { Width = 320, Height = 240, FramesPerSecond = 0, FrameCount = 3 }, _clock),
            NoJitter,
            monitor,
            _clock);

        var count = 0;
        await foreach (var frame in supervised.ReadFramesAsync(CancellationToken.None))
        {
            frame.Dispose();
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(CameraHealthState.Ended, monitor.Current.State);
        Assert.Equal(3, monitor.Current.FramesDelivered);
        Assert.Equal(0, monitor.Current.Reconnects);
    }

    private static TimeSpan Step => TimeSpan.FromMilliseconds(50);

    private long Frames => Interlocked.Read(ref _frames);

    private int Attempts
    {
        get
        {
            lock (_gate)
            {
                return _openAttempts.Count;
            }
        }
    }

    private List<DateTimeOffset> AttemptsSnapshot()
    {
        lock (_gate)
        {
            return [.. _openAttempts];
        }
    }

    private List<DateTimeOffset> FrameTimesSnapshot()
    {
        lock (_gate)
        {
            return [.. _frameTimes];
        }
    }

    private List<CameraHealth> ChangesSnapshot()
    {
        lock (_gate)
        {
            return [.. _changes];
        }
    }

    private SupervisedFrameSource Supervise(string uri, SupervisionOptions options, Random? random = null)
    {
        var monitor = new CameraHealthMonitor("cam0", _clock, _healthLog);
        monitor.Changed += (_, health) =>
        {
            lock (_gate)
            {
                _changes.Add(health);
            }
        };
        var inner = new V4l2FrameSource(
            "cam0",
            V4l2SourceUri.Parse(uri),
            path =>
            {
                lock (_gate)
                {
                    _openAttempts.Add(_clock.GetUtcNow());
                }

                return _camera.Open(path);
            },
            _clock,
            NullLogger.Instance,
            monitor);
        return new SupervisedFrameSource(inner, options, monitor, _clock, random ?? new Random(1));
    }

    private void Read(SupervisedFrameSource source, Action<Frame>? inspect = null) =>
        _reading = _loop.Start(async () =>
        {
            await foreach (var frame in source.ReadFramesAsync(_stop.Token))
            {
                lock (_gate)
                {
                    inspect?.Invoke(frame);
                }

                frame.Dispose();
                Interlocked.Increment(ref _frames);
            }
        });
}
