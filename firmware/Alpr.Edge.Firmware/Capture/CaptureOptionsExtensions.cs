using Alpr.Edge.Capture.Supervision;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Conversions of <see cref="CaptureOptions"/>.</summary>
internal static class CaptureOptionsExtensions
{
    /// <summary>The supervision settings every camera runs with.</summary>
    public static SupervisionOptions ToSupervisionOptions(this CaptureOptions options) => new()
    {
        StallTimeout = options.StallTimeout,
        ReconnectInitialDelay = options.ReconnectInitialDelay,
        ReconnectMaxDelay = options.ReconnectMaxDelay,
        ReconnectJitter = options.ReconnectJitter,
    };
}
