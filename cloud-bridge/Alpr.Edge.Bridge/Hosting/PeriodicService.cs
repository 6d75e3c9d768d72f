using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>A job that runs once at start and then every <see cref="Interval"/> on the bridge's clock, until the host stops.</summary>
public abstract class PeriodicService(TimeProvider time) : BackgroundService
{
    /// <summary>The bridge's clock.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Time between runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; it logs its own failures, so the schedule carries on.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
