using Alpr.Edge.Capture.Health;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Capture;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Camera health for the status, from capture's supervisors (<see cref="ICameraHealth"/>): the device's own camera
/// (the first) in <c>camera</c>, with its state (<c>starting</c>, <c>streaming</c>, <c>stalled</c>, <c>reconnecting</c>,
/// <c>failed</c>, <c>ended</c>), the reason, frames delivered and dropped, reconnections and the seconds since its last frame;
/// every camera of the device in <c>cameras</c>; and the frames the queue dropped because recognition fell behind.
/// </summary>
internal sealed class CameraStatusContributor(ICameraHealth health, FrameChannel queue, TimeProvider timeProvider) : IStatusContributor
{
    public DeviceHealthMessage Contribute(DeviceHealthMessage status)
    {
        var cameras = health.Cameras.Select(ToStatus).ToList();
        return cameras.Count == 0
            ? status with { Camera = new CameraStatus("starting", 0, 0), FramesDroppedBehindRecognition = queue.Dropped }
            : status with { Camera = cameras[0], Cameras = cameras, FramesDroppedBehindRecognition = queue.Dropped };
    }

    /// <summary>The wire name of a health state.</summary>
    public static string StateName(CameraHealthState state) => state.ToString().ToLowerInvariant();

    private CameraStatus ToStatus(CameraHealth camera) => new(
        StateName(camera.State),
        camera.FramesDelivered,
        camera.FramesDropped,
        camera.LastFrameAt is { } last ? Math.Round(Math.Max(0, (timeProvider.GetUtcNow() - last).TotalSeconds), 1) : null)
    {
        Name = camera.Camera,
        Reason = camera.Reason.Length == 0 ? null : camera.Reason,
        Reconnects = camera.Reconnects,
    };
}
