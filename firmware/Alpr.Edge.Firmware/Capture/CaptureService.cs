using Alpr.Edge.Capture;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// Moves frames from the source into the <see cref="FrameChannel"/>. When the source ends or fails the
/// channel is completed, so recognition finishes what is queued and closes its tracks.
/// (Restarts and the camera watchdog come with the hardware issue.)
/// </summary>
internal sealed class CaptureService(
    IFrameSource source,
    FrameChannel channel,
    CaptureMetrics metrics,
    IOptions<CaptureOptions> options,
    ILogger<CaptureService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = options.Value.Source;
        long frames = 0;
        CaptureLog.CaptureStarted(logger, name, source.Camera);
        try
        {
            await foreach (var frame in source.ReadFramesAsync(stoppingToken))
            {
                frames++;
                metrics.FrameCaptured();
                if (!channel.Writer.TryWrite(frame))
                {
                    frame.Dispose();
                }
            }

            CaptureLog.SourceEnded(logger, name, frames);
            channel.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            channel.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            CaptureLog.SourceFailed(logger, ex, name, frames);
            channel.Writer.TryComplete();
        }
    }
}
