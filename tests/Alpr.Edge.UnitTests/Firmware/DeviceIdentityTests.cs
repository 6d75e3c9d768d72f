using Alpr.Edge.Firmware.Device;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class DeviceIdentityTests
{
    [Theory]
    [InlineData("pole-17", "pole-17")]
    [InlineData("pole 17/north", "pole-17-north")]
    [InlineData("", "alpr-edge")]
    public void The_host_name_becomes_a_topic_safe_device_id(string hostName, string expected)
    {
        var id = DeviceIdentity.FromHostName(hostName);

        Assert.Equal(expected, id);
        Assert.True(DeviceOptionsValidator.IsName(id));
    }

    [Fact]
    public void A_long_host_name_is_cut_to_64_characters()
    {
        Assert.Equal(64, DeviceIdentity.FromHostName(new string('a', 100)).Length);
    }

    [Theory]
    [InlineData("pole/7")]
    [InlineData("pole+7")]
    [InlineData("pole#7")]
    [InlineData("")]
    [InlineData(null)]
    public void Ids_that_would_break_mqtt_topics_are_refused(string? id)
    {
        Assert.False(DeviceOptionsValidator.IsName(id));
    }
}
