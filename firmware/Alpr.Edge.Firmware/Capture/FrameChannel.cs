using System.Threading.Channels;
using Alpr.Edge.Capture;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// The bounded queue between capture (one writer per camera) and recognition. When recognition falls behind, the oldest
/// frame is dropped (disposed and counted in <see cref="Dropped"/> and <c>alpr.capture.frames_dropped</c>) so the newest is
/// always recognised and memory stays bounded.
/// </summary>
public sealed class FrameChannel
{
    private readonly Channel<Frame> _channel;
    private long _dropped;

    /// <summary>Creates the queue with <see cref="PipelineOptions.ChannelCapacity"/> places.</summary>
    public FrameChannel(IOptions<PipelineOptions> options, CaptureMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _channel = Channel.CreateBounded<Frame>(
            new BoundedChannelOptions(options.Value.ChannelCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            dropped =>
            {
                dropped.Dispose();
                Interlocked.Increment(ref _dropped);
                metrics.FrameDropped();
            });
    }

    /// <summary>Frames dropped unrecognised because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The capture side.</summary>
    public ChannelWriter<Frame> Writer => _channel.Writer;

    /// <summary>The recognition side.</summary>
    public ChannelReader<Frame> Reader => _channel.Reader;
}
