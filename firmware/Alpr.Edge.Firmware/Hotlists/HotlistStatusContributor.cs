using System.Globalization;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Uplink;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>The hot-list version the device runs, for its status: the bridge's list version, <c>local</c> for only a CSV file, or none.</summary>
internal sealed class HotlistStatusContributor(InstalledHotlists installed) : IStatusContributor
{
    public DeviceHealthMessage Contribute(DeviceHealthMessage status)
    {
        var current = installed.Current;
        var version = current.Bundle.Info.Version > 0 ? current.Bundle.Info.Version.ToString(CultureInfo.InvariantCulture)
            : current.Local.Count > 0 ? "local"
            : null;
        return status with { HotlistVersion = version };
    }
}
