#if ALPR_HARDWARE_TESTS
using System.Device.I2c;
using Alpr.Edge.Hardware.Light;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>The light-sensor contract against a BH1750 at 0x23 on /dev/i2c-1; see LibgpiodDriverContractTests.</summary>
[Trait("Category", "Hardware")]
public sealed class Bh1750LightSensorContractTests : LightSensorContractTests
{
    protected override LightSensor Create() =>
        new Bh1750LightSensor(() => I2cDevice.Create(new I2cConnectionSettings(1, 0x23)), "BH1750 at 0x23 on /dev/i2c-1");
}
#endif
