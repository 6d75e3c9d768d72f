using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>Stops the device cleanly after <c>--for</c>, counted from start-up on the device's clock.</summary>
internal sealed partial class RunLimitService(
    TimeSpan runFor,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<RunLimitService> logger) : IHostedService, IDisposable
{
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = timeProvider.CreateTimer(_ => Stop(), null, runFor, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Stop()
    {
        LogRunLimitReached(runFor);
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Ran for {RunFor}; stopping")]
    private partial void LogRunLimitReached(TimeSpan runFor);
}
