using System.Diagnostics.Metrics;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.UnitTests.Hardware.Services;

public sealed class InputsMonitorTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task Opening_the_enclosure_publishes_one_tamper_event_after_the_debounce()
    {
        using var rig = new PoleRig();
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        rig.Pole.SetTamperOpen(true);
        rig.Run(monitor, TimeSpan.FromMilliseconds(95), Poll);
        Assert.Empty(rig.PublishedOf<TamperEvent>());
        rig.Run(monitor, TimeSpan.FromMilliseconds(20), Poll);
        var opened = Assert.Single(rig.PublishedOf<TamperEvent>());
        Assert.True(opened.Opened);
        Assert.Equal(16, opened.HeaderPin);
        Assert.True(monitor.EnclosureOpen);

        rig.Pole.SetTamperOpen(false);
        rig.Run(monitor, TimeSpan.FromMilliseconds(200), Poll);
        Assert.Equal([true, false], rig.PublishedOf<TamperEvent>().Select(e => e.Opened));
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_enclosure_open_at_start_up_is_reported()
    {
        using var rig = new PoleRig();
        rig.Pole.SetTamperOpen(true);
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        rig.Run(monitor, TimeSpan.FromMilliseconds(150), Poll);
        Assert.True(Assert.Single(rig.PublishedOf<TamperEvent>()).Opened);
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Rapid_trigger_bounce_is_one_vehicle_and_opens_a_recognition_window()
    {
        using var rig = new PoleRig(o => o.Inputs.TriggerEnabled = true);
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        Assert.True(monitor.TriggerWired);
        Assert.False(monitor.ShouldRecognize(rig.Time.GetUtcNow()));

        for (var i = 0; i < 6; i++)
        {
            rig.Pole.SetTrigger(i % 2 == 0);
            rig.Run(monitor, Poll, Poll);
        }

        Assert.Empty(rig.PublishedOf<VehicleTriggerEvent>());
        rig.Pole.BounceContact(PinRole.Trigger, active: true, flips: 5);
        rig.Run(monitor, TimeSpan.FromMilliseconds(30), Poll);
        Assert.True(Assert.Single(rig.PublishedOf<VehicleTriggerEvent>()).Active);
        Assert.True(monitor.ShouldRecognize(rig.Time.GetUtcNow()));

        rig.Pole.SetTrigger(false);
        rig.Run(monitor, TimeSpan.FromMilliseconds(30), Poll);
        Assert.False(monitor.TriggerActive);
        Assert.True(monitor.ShouldRecognize(rig.Time.GetUtcNow().AddSeconds(1.9)));
        Assert.False(monitor.ShouldRecognize(rig.Time.GetUtcNow().AddSeconds(2.1)));
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_trigger_every_frame_is_recognised()
    {
        using var rig = new PoleRig();
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        Assert.False(monitor.TriggerWired);
        Assert.True(monitor.ShouldRecognize(rig.Time.GetUtcNow()));
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_stop_the_others()
    {
        using var rig = new PoleRig();
        rig.Events.Tamper += (_, _) => throw new InvalidOperationException("storage down");
        var seen = 0;
        rig.Events.Tamper += (_, _) => seen++;
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        rig.Pole.SetTamperOpen(true);
        rig.Run(monitor, TimeSpan.FromMilliseconds(150), Poll);
        Assert.Equal(1, seen);
        Assert.Contains(rig.EventsLogger.Errors, e => e.Contains("Tamper", StringComparison.Ordinal));
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tamper_and_trigger_are_counted_on_the_hardware_meter()
    {
        using var rig = new PoleRig(o => o.Inputs.TriggerEnabled = true);
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HardwareMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value);
        listener.Start();
        var monitor = rig.Inputs();
        await monitor.StartAsync(CancellationToken.None);
        rig.Pole.SetTamperOpen(true);
        rig.Pole.SetTrigger(true);
        rig.Run(monitor, TimeSpan.FromMilliseconds(150), Poll);
        Assert.Equal(1, counts["alpr.hardware.tamper_events"]);
        Assert.Equal(1, counts["alpr.hardware.trigger_activations"]);
        await monitor.StopAsync(CancellationToken.None);
    }
}
