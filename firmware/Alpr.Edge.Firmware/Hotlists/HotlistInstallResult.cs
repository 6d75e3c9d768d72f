using Alpr.Edge.Hotlists.Bundles;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>What became of a bundle offered to <see cref="HotlistInstaller"/>.</summary>
/// <param name="Installed">True when it now runs.</param>
/// <param name="Reason">Why not, when it was refused (<see cref="BundleRejectionReason.AlreadyRunning"/> is not an error).</param>
/// <param name="Message">One line.</param>
public sealed record HotlistInstallResult(bool Installed, BundleRejectionReason? Reason, string Message);
