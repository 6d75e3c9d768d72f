using System.Threading.Channels;
using Alpr.Edge.Capture;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// The bounded queue between capture and recognition. When recognition falls behind, the oldest
/// frame is dropped (disposed and counted) so the newest is always recognised.
/// </summary>
public sealed class FrameChannel
{
    private readonly Channel<Frame> _channel;

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
                SingleWriter = true,
            },
            dropped =>
            {
                dropped.Dispose();
                metrics.FrameDropped();
            });
    }

    /// <summary>The capture side.</summary>
    public ChannelWriter<Frame> Writer => _channel.Writer;

    /// <summary>The recognition side.</summary>
    public ChannelReader<Frame> Reader => _channel.Reader;
}
