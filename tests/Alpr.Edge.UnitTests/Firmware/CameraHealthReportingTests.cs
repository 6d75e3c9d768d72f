using Alpr.Edge.Capture.Health;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Uplink;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>Camera health as the bridge sees it: device events on losses and recoveries, and the periodic status.</summary>
public sealed class CameraHealthReportingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly CameraHealthRegistry _registry;
    private readonly RecordingDeviceEvents _events = new();

    public CameraHealthReportingTests()
    {
        _registry = new CameraHealthRegistry(_clock, NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task A_camera_lost_and_back_raises_a_warning_then_an_info_and_startup_raises_nothing()
    {
        var service = new CameraEventsService(_registry, _events);
        await service.StartAsync(CancellationToken.None);
        var camera = _registry.MonitorFor("north");

        camera.Transition(CameraHealthState.Starting, "opening");
        camera.FrameDelivered(_clock.GetUtcNow());
        Assert.Empty(_events.Raised);

        camera.Reconnecting("/dev/video0 disappeared (ENODEV)");
        camera.Transition(CameraHealthState.Stalled, "no frame for 10 s");
        camera.Reconnecting("no frame for 10 s");
        var lost = Assert.Single(_events.Raised);
        Assert.Equal((DeviceEventKinds.CameraHealth, DeviceEventSeverity.Warning), (lost.Kind, lost.Severity));
        Assert.Equal(("north", "reconnecting"), (lost.Data["camera"], lost.Data["state"]));
        Assert.Contains("ENODEV", lost.Message, StringComparison.Ordinal);

        camera.FrameDelivered(_clock.GetUtcNow());
        Assert.Equal(2, _events.Raised.Count);
        Assert.Equal((DeviceEventSeverity.Info, "streaming", "2"), (_events.Raised[1].Severity, _events.Raised[1].Data["state"], _events.Raised[1].Data["reconnects"]));

        camera.Transition(CameraHealthState.Failed, "format YUYV 4000x3000 not offered");
        Assert.Equal(DeviceEventSeverity.Alarm, _events.Raised[2].Severity);

        await service.StopAsync(CancellationToken.None);
        _registry.MonitorFor("south").Reconnecting("gone");
        Assert.Equal(3, _events.Raised.Count);
    }

    [Fact]
    public void The_status_carries_every_camera_with_state_reason_reconnects_and_the_queue_drops()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var queue = new FrameChannel(Options.Create(new PipelineOptions { ChannelCapacity = 2 }), new CaptureMetrics(services.GetRequiredService<IMeterFactory>()));
        var contributor = new CameraStatusContributor(_registry, queue, _clock);
        var empty = new DeviceHealthMessage
        {
            DeviceId = "pole-1",
            At = _clock.GetUtcNow(),
            FirmwareVersion = "test",
            Backlog = new BacklogStatus(0, 0, 0),
            Disk = new DiskStatus(0, 0),
            UptimeSeconds = 1,
        };
        Assert.Equal("starting", contributor.Contribute(empty).Camera!.State);

        var north = _registry.MonitorFor("north");
        north.FrameDelivered(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(3));
        _registry.MonitorFor("south").Reconnecting("Connection refused");

        var status = contributor.Contribute(empty);

        Assert.Equal(("north", "streaming", 1L, 3.0), (status.Camera!.Name, status.Camera.State, status.Camera.FramesCaptured, status.Camera.SecondsSinceLastFrame));
        var south = status.Cameras![1];
        Assert.Equal(("south", "reconnecting", "Connection refused", 1), (south.Name, south.State, south.Reason, south.Reconnects));
        Assert.Equal(0, status.FramesDroppedBehindRecognition);
    }
}
