using System.Globalization;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Uplink;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Firmware.Events;

/// <summary>
/// Turns camera health changes into <c>camera-health</c> device events, so the bridge's audit trail shows when a pole
/// stopped seeing: lost (<c>reconnecting</c> or <c>stalled</c>: <c>warning</c>), refused its configuration (<c>failed</c>:
/// <c>alarm</c>), back (<c>streaming</c> after a loss: <c>info</c>). Start-up and a replay's end raise none.
/// </summary>
internal sealed class CameraEventsService(ICameraHealth health, IDeviceEvents events) : IHostedService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CameraHealthState> _last = new(StringComparer.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        health.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        health.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, CameraHealth camera)
    {
        CameraHealthState? previous;
        lock (_lock)
        {
            previous = _last.TryGetValue(camera.Camera, out var known) ? known : null;
            _last[camera.Camera] = camera.State;
        }

        var lost = previous is CameraHealthState.Stalled or CameraHealthState.Reconnecting or CameraHealthState.Failed;
        var (severity, message) = camera.State switch
        {
            CameraHealthState.Stalled or CameraHealthState.Reconnecting when !lost =>
                (DeviceEventSeverity.Warning, $"Camera {camera.Camera} lost ({CameraStatusContributor.StateName(camera.State)}): {camera.Reason}; reopening with back-off"),
            CameraHealthState.Failed =>
                (DeviceEventSeverity.Alarm, $"Camera {camera.Camera} failed: {camera.Reason}; fix its configuration (alpr-edge selftest names the fix)"),
            CameraHealthState.Streaming when lost =>
                (DeviceEventSeverity.Info, $"Camera {camera.Camera} streaming again after {camera.Reconnects} reconnections"),
            _ => (null, null),
        };
        if (severity is null || message is null)
        {
            return;
        }

        events.Raise(DeviceEventKinds.CameraHealth, severity, message, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["camera"] = camera.Camera,
            ["state"] = CameraStatusContributor.StateName(camera.State),
            ["reason"] = camera.Reason,
            ["reconnects"] = camera.Reconnects.ToString(CultureInfo.InvariantCulture),
            ["framesDelivered"] = camera.FramesDelivered.ToString(CultureInfo.InvariantCulture),
        });
    }
}
