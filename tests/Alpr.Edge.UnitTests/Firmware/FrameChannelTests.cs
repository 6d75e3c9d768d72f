using System.Diagnostics.Metrics;
using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Capture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class FrameChannelTests
{
    [Fact]
    public void When_recognition_falls_behind_the_oldest_frames_are_dropped_disposed_and_counted()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        long dropped = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CaptureMetrics.MeterName && instrument.Name == "alpr.capture.frames_dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref dropped, value));
        listener.Start();
        var channel = new FrameChannel(Options.Create(new PipelineOptions { ChannelCapacity = 2 }), new CaptureMetrics(meterFactory));

        var frames = Enumerable.Range(0, 5).Select(i => new Frame("cam0", i, DateTimeOffset.UnixEpoch, i, new SKBitmap(4, 4))).ToList();
        foreach (var frame in frames)
        {
            Assert.True(channel.Writer.TryWrite(frame));
        }

        Assert.Equal(3, Interlocked.Read(ref dropped));
        Assert.All(frames.Take(3), f => Assert.Equal(IntPtr.Zero, f.Image.Handle));
        Assert.True(channel.Reader.TryRead(out var kept));
        Assert.Equal(3, kept.Sequence);
        kept.Dispose();
        Assert.True(channel.Reader.TryRead(out var newest));
        Assert.Equal(4, newest.Sequence);
        newest.Dispose();
    }
}
