using System.Diagnostics.Metrics;
using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.UnitTests.Hardware.Services;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Options = Microsoft.Extensions.Options.Options;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>Recognition on trigger windows, driven by the simulated pole's trigger contact through the real inputs monitor.</summary>
public sealed class TriggerGateTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Only_frames_around_a_bouncy_trigger_are_recognised_and_the_rest_are_counted_as_skipped()
    {
        using var rig = new PoleRig(o => o.Inputs.TriggerEnabled = true);
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        using var gate = Gate(rig, RecognizeMode.TriggerWindows, preTrigger: TimeSpan.FromMilliseconds(450));
        var all = new List<Frame>();
        var admitted = new List<Frame>();
        long sequence = 0;

        void NextFrame()
        {
            rig.Run(monitor, FrameInterval, Poll);
            var frame = new Frame("cam0", sequence++, rig.Time.GetUtcNow(), rig.Time.GetTimestamp(), new SKBitmap(4, 4));
            all.Add(frame);
            admitted.AddRange(gate.Admit(frame));
        }

        // Two seconds of road without a vehicle; contact chatter shorter than the debounce in between.
        for (var i = 0; i < 20; i++)
        {
            for (var flip = 0; i % 4 == 0 && flip < 6; flip++)
            {
                rig.Pole.SetTrigger(flip % 2 == 0);
                rig.Run(monitor, Poll, Poll);
            }

            rig.Pole.SetTrigger(false);
            NextFrame();
        }

        Assert.Empty(admitted);
        Assert.Empty(rig.PublishedOf<Alpr.Edge.Hardware.Events.VehicleTriggerEvent>());

        // A vehicle: the loop detector bounces, then holds for 0.6 s.
        rig.Pole.BounceContact(PinRole.Trigger, active: true, flips: 5);
        var triggeredAt = rig.Time.GetUtcNow();
        for (var i = 0; i < 6; i++)
        {
            NextFrame();
        }

        // It leaves; frames stay eligible for the 2 s hold, then no more.
        rig.Pole.SetTrigger(false);
        for (var i = 0; i < 40; i++)
        {
            NextFrame();
        }

        Assert.Single(rig.PublishedOf<Alpr.Edge.Hardware.Events.VehicleTriggerEvent>(), e => e.Active);
        var window = admitted.Select(f => f.CapturedAt).ToList();
        Assert.Equal(window.Order(), window);
        // From 0.45 s before the trigger (the buffered frames) ...
        Assert.True(window[0] < triggeredAt);
        var eventAt = rig.PublishedOf<Alpr.Edge.Hardware.Events.VehicleTriggerEvent>().First().At;
        // Frames come every 100 ms (130 ms after contact chatter): at least three fall within the 450 ms before the trigger.
        Assert.True(window.Count(at => at < triggeredAt) >= 3, $"the frames just before the trigger are recognised too: {string.Join(' ', window.Select(at => at.ToString("ss.fff")))}");
        Assert.True(window[0] >= eventAt - TimeSpan.FromMilliseconds(450));
        // ... until 2 s after the release (6 frames while active, about 20 during the hold).
        var last = window[^1];
        Assert.InRange(last - triggeredAt, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(2.8));
        Assert.Equal(all.Count - admitted.Count, gate.Skipped + WaitingNow(all, admitted));
        Assert.All(all.Except(admitted).Take((int)gate.Skipped), f => Assert.Equal(IntPtr.Zero, f.Image.Handle));
        admitted.ForEach(f => f.Dispose());
    }

    [Fact]
    public void Without_trigger_windows_every_frame_is_recognised()
    {
        using var rig = new PoleRig(o => o.Inputs.TriggerEnabled = true);
        using var gate = Gate(rig, RecognizeMode.Always, TimeSpan.FromSeconds(1));
        using var frame = new Frame("cam0", 0, rig.Time.GetUtcNow(), 0, new SKBitmap(4, 4));

        Assert.Same(frame, Assert.Single(gate.Admit(frame)));
        Assert.False(gate.Enabled);
        Assert.Equal(0, gate.Skipped);
    }

    [Fact]
    public void Buffered_frames_are_bounded_by_count_as_well_as_by_age()
    {
        using var rig = new PoleRig(o => o.Inputs.TriggerEnabled = true);
        using var gate = Gate(rig, RecognizeMode.TriggerWindows, TimeSpan.FromSeconds(10), frames: 3);

        for (var i = 0; i < 10; i++)
        {
            rig.Time.Advance(FrameInterval);
            Assert.Empty(gate.Admit(new Frame("cam0", i, rig.Time.GetUtcNow(), 0, new SKBitmap(4, 4))));
        }

        Assert.Equal(7, gate.Skipped);
    }

    /// <summary>Frames neither admitted nor skipped: still waiting in the gate's buffer.</summary>
    private static long WaitingNow(List<Frame> all, List<Frame> admitted) =>
        all.Except(admitted).Count(f => f.Image.Handle != IntPtr.Zero);

    private static TriggerGate Gate(PoleRig rig, RecognizeMode mode, TimeSpan preTrigger, int frames = 15)
    {
        var metrics = new CaptureMetrics(rig.MetricsServices.GetRequiredService<IMeterFactory>());
        return new TriggerGate(
            Options.Create(new CaptureOptions { Recognize = mode, PreTrigger = preTrigger, PreTriggerFrames = frames }),
            Options.Create(rig.Options),
            rig.Events,
            metrics);
    }
}
