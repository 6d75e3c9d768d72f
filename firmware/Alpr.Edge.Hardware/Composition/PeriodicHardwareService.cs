using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>
/// A hosted service that opens its pins in <see cref="StartAsync"/> (so a busy pin stops start-up), runs one step at once and
/// then one per interval on the <see cref="TimeProvider"/>, and cleans up in <see cref="StopAsync"/>. Steps never overlap:
/// <see cref="RunOnce"/> may be called from outside (tests, the self-test) while the loop runs.
/// </summary>
public abstract class PeriodicHardwareService : IHostedService, IDisposable
{
    private readonly Lock _stepGate = new();
    private readonly TimeSpan _interval;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    /// <summary>Creates the service.</summary>
    protected PeriodicHardwareService(TimeProvider timeProvider, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Time = timeProvider;
        _interval = interval;
    }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Whether <see cref="StartAsync"/> opened the pins.</summary>
    public bool Started { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_stepGate)
        {
            Open();
            Started = true;
        }

        RunOnce();
        _stopping = new CancellationTokenSource();
        _loop = LoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_stopping is { } stopping)
            {
                await stopping.CancelAsync();
            }

            if (_loop is not null)
            {
                await _loop.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            lock (_stepGate)
            {
                Stopped();
                Started = false;
            }
        }
    }

    /// <summary>Runs one step now (serialised with the loop's steps); does nothing before <see cref="StartAsync"/>.</summary>
    public void RunOnce()
    {
        lock (_stepGate)
        {
            if (!Started)
            {
                return;
            }

            try
            {
                Tick();
            }
            catch (Exception ex)
            {
                TickFailed(ex);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the pins; throw to stop start-up with a message naming the pin and the fix.</summary>
    protected abstract void Open();

    /// <summary>One tick of the service's work.</summary>
    protected abstract void Tick();

    /// <summary>A tick threw; put the hardware in its safe state and log.</summary>
    protected abstract void TickFailed(Exception exception);

    /// <summary>The host is stopping: put the hardware in its safe state.</summary>
    protected abstract void Stopped();

    /// <summary>Releases the loop's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        // The host may dispose a service twice (as itself and as a hosted service).
        if (disposing && Interlocked.Exchange(ref _stopping, null) is { } stopping)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                RunOnce();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
