using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>Stops the device cleanly after <c>--for</c>.</summary>
internal sealed partial class RunLimitService(
    TimeSpan runFor,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<RunLimitService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(runFor, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogRunLimitReached(runFor);
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Ran for {RunFor}; stopping")]
    private partial void LogRunLimitReached(TimeSpan runFor);
}
