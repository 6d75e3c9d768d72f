using Alpr.Edge.Contracts;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Adds what a part of the firmware knows to the periodic status (<see cref="DeviceHealthMessage"/>) before it is
/// published, e.g. the hot lists set <c>HotlistVersion</c>: <c>return status with { HotlistVersion = ... };</c>.
/// Register implementations as singletons in DI; they are called in registration order from the uplink's loop,
/// must be quick, and must not throw (an exception is logged and the contribution skipped).
/// </summary>
public interface IStatusContributor
{
    /// <summary>Returns <paramref name="status"/> with this part's fields filled in.</summary>
    DeviceHealthMessage Contribute(DeviceHealthMessage status);
}
