using System.Runtime.CompilerServices;
using Alpr.Edge.Capture.Health;

namespace Alpr.Edge.Capture.Supervision;

/// <summary>
/// Watches a camera and keeps it open: a session that fails, ends (live cameras) or sends no frame for
/// <see cref="SupervisionOptions.StallTimeout"/> is closed and the camera reopened after an exponential, capped, jittered back-off on
/// the <see cref="TimeProvider"/>. A <see cref="CameraFailedException"/> (the camera refuses the configuration) ends the stream as
/// <see cref="CameraHealthState.Failed"/>; a replay source that ends ends the stream as <see cref="CameraHealthState.Ended"/>.
/// Frames are numbered from 0 across sessions. The state and counters are in <see cref="Health"/>.
/// </summary>
public sealed class SupervisedFrameSource : IFrameSource
{
    /// <summary>How long a stalled session is given to close after it is cancelled before it is abandoned.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    private readonly IFrameSource _inner;
    private readonly SupervisionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ReconnectBackoff _backoff;

    /// <summary>Supervises <paramref name="inner"/>; <paramref name="random"/> draws the back-off jitter (a new one when null).</summary>
    public SupervisedFrameSource(IFrameSource inner, SupervisionOptions options, CameraHealthMonitor health, TimeProvider timeProvider, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _inner = inner;
        _options = options;
        _timeProvider = timeProvider;
        Health = health;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitter, random ?? new Random());
    }

    /// <inheritdoc />
    public string Camera => _inner.Camera;

    /// <inheritdoc />
    public bool IsLive => _inner.IsLive;

    /// <inheritdoc />
    public double? ExpectedFramesPerSecond => _inner.ExpectedFramesPerSecond;

    /// <summary>The camera's state and counters.</summary>
    public CameraHealthMonitor Health { get; }

    /// <summary>The supervised source.</summary>
    public IFrameSource Inner => _inner;

    /// <inheritdoc />
    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long sequence = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = Step.Ended;
            var sawFrame = false;
            using (var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var frames = _inner.ReadFramesAsync(session.Token).GetAsyncEnumerator(session.Token);
                try
                {
                    while (true)
                    {
                        step = await NextAsync(frames, session, cancellationToken);
                        if (step.Frame is not { } frame)
                        {
                            break;
                        }

                        if (!sawFrame)
                        {
                            sawFrame = true;
                            _backoff.Reset();
                        }

                        var numbered = frame.Renumber(sequence++);
                        Health.FrameDelivered(numbered.CapturedAt);
                        yield return numbered;
                    }
                }
                finally
                {
                    if (!step.Abandoned)
                    {
                        await frames.DisposeAsync();
                    }
                }
            }

            if (step.Kind == StepKind.Ended && !_inner.IsLive)
            {
                Health.Transition(CameraHealthState.Ended, "the replay reached its end");
                yield break;
            }

            if (step.Kind == StepKind.Refused)
            {
                Health.Transition(CameraHealthState.Failed, step.Reason);
                yield break;
            }

            var delay = _backoff.Next();
            Health.Reconnecting($"{step.Reason}; reopening in {delay.TotalSeconds:0.0} s (attempt {_backoff.Attempt})");
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private async Task<Step> NextAsync(IAsyncEnumerator<Frame> frames, CancellationTokenSource session, CancellationToken cancellationToken)
    {
        var move = frames.MoveNextAsync().AsTask();
        try
        {
            return await move.WaitAsync(_options.StallTimeout, _timeProvider, cancellationToken)
                ? Step.Delivered(frames.Current)
                : Step.Ended with { Reason = "the stream ended" };
        }
        catch (TimeoutException) when (!move.IsCompleted)
        {
            var reason = $"no frame for {_options.StallTimeout.TotalSeconds:0.#} s";
            Health.Transition(CameraHealthState.Stalled, reason);
            await session.CancelAsync();
            return Step.Stalled(reason) with { Abandoned = !await SettleAsync(move, frames) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SettleAsync(move, frames);
            throw;
        }
        catch (CameraFailedException ex)
        {
            return new Step(StepKind.Refused, null, ex.Message, false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new Step(StepKind.Failed, null, OneLine(ex), false);
        }
    }

    /// <summary>Waits for a cancelled session's pending read; false when it did not finish in time and is abandoned.</summary>
    private async Task<bool> SettleAsync(Task<bool> move, IAsyncEnumerator<Frame> frames)
    {
        try
        {
            if (await move.WaitAsync(SettleTimeout, _timeProvider))
            {
                // A frame that arrived as the session was cancelled is not delivered.
                frames.Current.Dispose();
            }

            return true;
        }
        catch (TimeoutException) when (!move.IsCompleted)
        {
            return false;
        }
        catch (Exception)
        {
            // The cancelled session's own ending (cancellation, the killed process).
            return true;
        }
    }

    private static string OneLine(Exception exception) =>
        exception.Message.ReplaceLineEndings(" ").Trim() is { Length: > 0 } message ? message : exception.GetType().Name;

    private enum StepKind
    {
        Frame,
        Ended,
        Stalled,
        Failed,
        Refused,
    }

    private sealed record Step(StepKind Kind, Frame? Frame, string Reason, bool Abandoned)
    {
        public static Step Ended { get; } = new(StepKind.Ended, null, "the stream ended", false);

        public static Step Delivered(Frame frame) => new(StepKind.Frame, frame, string.Empty, false);

        public static Step Stalled(string reason) => new(StepKind.Stalled, null, reason, false);
    }
}
