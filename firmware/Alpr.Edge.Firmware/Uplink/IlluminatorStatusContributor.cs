using Alpr.Edge.Contracts;
using Alpr.Edge.Hardware.Illumination;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>The illuminator's last decision and the SoC temperature, for the status.</summary>
internal sealed class IlluminatorStatusContributor(IlluminatorController illuminator) : IStatusContributor
{
    public DeviceHealthMessage Contribute(DeviceHealthMessage status)
    {
        var state = illuminator.State;
        return status with
        {
            Illuminator = new IlluminatorStatus(state.Period.ToString(), state.Lit, Math.Round(state.Intensity, 3), state.Limit.State.ToString()),
            SocTemperatureCelsius = state.SocTemperature is { } temperature ? Math.Round(temperature.DegreesCelsius, 1) : null,
        };
    }
}
