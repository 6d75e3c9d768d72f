using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.Firmware.Hardware;

/// <summary>
/// Which <see cref="PoleStatus"/> the status LED shows: <see cref="PoleStatus.Booting"/> until the first frame,
/// <see cref="PoleStatus.Running"/> while frames arrive and the broker is connected, <see cref="PoleStatus.NoUplink"/> while frames
/// arrive without it, <see cref="PoleStatus.Fault"/> when frames stop for <see cref="FrameStaleAfter"/> or none came within
/// <see cref="FirstFrameGrace"/> of the start.
/// </summary>
internal static class PoleStatusRule
{
    /// <summary>No frame for this long after frames flowed means the camera is gone.</summary>
    public static readonly TimeSpan FrameStaleAfter = TimeSpan.FromSeconds(10);

    /// <summary>No frame for this long after the start means the camera never came.</summary>
    public static readonly TimeSpan FirstFrameGrace = TimeSpan.FromSeconds(30);

    /// <summary>The status and why.</summary>
    /// <param name="sinceStart">Time since the firmware started.</param>
    /// <param name="sinceLastFrame">Time since the last frame, or <see langword="null"/> before the first.</param>
    /// <param name="uplinkConnected">Whether the last uplink event was a connect (not a failure or lost session).</param>
    public static (PoleStatus Status, string Reason) Decide(TimeSpan sinceStart, TimeSpan? sinceLastFrame, bool uplinkConnected)
    {
        if (sinceLastFrame is not { } idle)
        {
            return sinceStart >= FirstFrameGrace
                ? (PoleStatus.Fault, $"no frame from the camera within {FirstFrameGrace.TotalSeconds:F0} s of the start")
                : (PoleStatus.Booting, "waiting for the first frame");
        }

        if (idle >= FrameStaleAfter)
        {
            return (PoleStatus.Fault, $"no frame from the camera for {idle.TotalSeconds:F0} s");
        }

        return uplinkConnected
            ? (PoleStatus.Running, "capturing, broker connected")
            : (PoleStatus.NoUplink, "capturing, broker not connected (reads wait in the device store)");
    }
}
