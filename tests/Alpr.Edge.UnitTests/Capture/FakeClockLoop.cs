using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>
/// Runs the code under test one continuation at a time on the thread that pumps it, and moves the <see cref="FakeTimeProvider"/>
/// only when that code has nothing left to run, i.e. when it waits on the clock (or on the test). The fake clock therefore never
/// moves on while the code is still busy (rendering a frame, handling a lost camera), however slow or loaded the machine is: the
/// times the code reads from it are exact, and a test can assert them exactly instead of "about, on an idle machine".
/// </summary>
/// <remarks>
/// Start the code with <see cref="Start"/>; its awaits then come back to this loop. Work that the code hands to another thread
/// (<see cref="CancellationTokenSource.CancelAsync"/> runs the callbacks on the thread pool) posts back here; the loop gives such
/// work a moment before it moves the clock, so only the fake time spent across such a hand-off is not exact.
/// </remarks>
public sealed class FakeClockLoop(FakeTimeProvider clock) : SynchronizationContext, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HandOff = TimeSpan.FromMilliseconds(2);
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly SemaphoreSlim _posted = new(0);

    /// <summary>The clock the loop moves.</summary>
    public FakeTimeProvider Clock { get; } = clock;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        _queue.Enqueue((d, state));
        _posted.Release();
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The loop only runs posted work.");

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Starts <paramref name="work"/> on the loop: it runs to its first wait now, and on when the loop is pumped.</summary>
    public Task Start(Func<Task> work) => Start(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Starts <paramref name="work"/> on the loop: it runs to its first wait now, and on when the loop is pumped.</summary>
    public Task<T> Start<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return work();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>
    /// Runs the code until <paramref name="done"/> holds, moving the clock by <paramref name="step"/> each time the code is idle;
    /// fails when the fake clock has moved <paramref name="within"/> (default 5 minutes) without it, or after a minute of real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        var real = Stopwatch.StartNew();
        var deadline = Clock.GetUtcNow() + (within ?? TimeSpan.FromMinutes(5));
        while (true)
        {
            RunPending();
            if (done())
            {
                return;
            }

            // Work handed to another thread posts back here: let it, before deciding that the code waits on the clock.
            if (await _posted.WaitAsync(HandOff))
            {
                continue;
            }

            if (Clock.GetUtcNow() >= deadline || real.Elapsed > Patience)
            {
                throw new TimeoutException(
                    $"waited for {what} until the fake clock reached {Clock.GetUtcNow():O} ({real.Elapsed.TotalSeconds:F0} s of real time)");
            }

            Clock.Advance(step);
        }
    }

    /// <summary>Runs the code until <paramref name="task"/> finishes, without moving the clock (cancellation, an ending stream).</summary>
    public async Task RunUntilCompletedAsync(Task task, string what)
    {
        ArgumentNullException.ThrowIfNull(task);
        var real = Stopwatch.StartNew();
        while (true)
        {
            RunPending();
            if (task.IsCompleted)
            {
                return;
            }

            if (!await _posted.WaitAsync(HandOff) && real.Elapsed > Patience)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds:F0} s of real time for {what}");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _posted.Dispose();

    /// <summary>Runs whatever is queued, and what that queues, until nothing is.</summary>
    private void RunPending()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
