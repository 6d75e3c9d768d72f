using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Supervision;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// Moves frames from every camera of the device into the <see cref="FrameChannel"/>, each camera under a
/// <see cref="SupervisedFrameSource"/> (stall watchdog, reconnection with back-off, health in <see cref="ICameraHealth"/>) and through
/// the <see cref="TriggerGate"/>. When every camera has ended (replay sources) or failed for good, the channel is completed, so
/// recognition finishes what is queued and closes its tracks.
/// </summary>
internal sealed class CaptureService(
    IFrameSource source,
    AdditionalCameras additional,
    FrameChannel channel,
    TriggerGate gate,
    CameraHealthRegistry health,
    CaptureMetrics metrics,
    IOptions<CaptureOptions> options,
    TimeProvider timeProvider,
    ILogger<CaptureService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var supervision = options.Value.ToSupervisionOptions();
        var feeds = new List<(string Source, IFrameSource Camera)> { (options.Value.Source, source) };
        feeds.AddRange(additional.Cameras);
        try
        {
            await Task.WhenAll(feeds.Select(feed => PumpAsync(
                feed.Source,
                new SupervisedFrameSource(feed.Camera, supervision, health.MonitorFor(feed.Camera.Camera), timeProvider),
                stoppingToken)));
        }
        finally
        {
            channel.Writer.TryComplete();
        }
    }

    private async Task PumpAsync(string name, SupervisedFrameSource camera, CancellationToken stoppingToken)
    {
        long frames = 0;
        var shown = Alpr.Edge.Capture.Ffmpeg.FfmpegSourceUri.Redact(name);
        CaptureLog.CaptureStarted(logger, shown, camera.Camera);
        try
        {
            await foreach (var frame in camera.ReadFramesAsync(stoppingToken))
            {
                frames++;
                metrics.FrameCaptured();
                foreach (var admitted in gate.Admit(frame))
                {
                    if (!channel.Writer.TryWrite(admitted))
                    {
                        admitted.Dispose();
                    }
                }
            }

            var ended = camera.Health.Current;
            CaptureLog.SourceEnded(logger, shown, frames, ended.State, ended.Reason);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            CaptureLog.SourceFailed(logger, ex, shown, frames);
        }
    }
}
