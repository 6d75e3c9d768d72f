using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests;

public sealed class ContractsTests
{
    [Fact]
    public void Device_id_is_taken_from_a_device_topic()
    {
        Assert.Equal("pole-7", MqttTopics.DeviceIdOf(MqttTopics.Read("pole-7")));
        Assert.Null(MqttTopics.DeviceIdOf("other/v1/pole-7/read"));
    }

    [Fact]
    public void Malformed_read_payload_is_refused_with_a_reason()
    {
        var ok = WireFormat.TryParse("{\"plate\":"u8, ContractsJson.Default.PlateReadMessage, out var message, out var error);
        Assert.False(ok);
        Assert.Null(message);
        Assert.Contains("malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_round_trips_through_json()
    {
        var read = new PlateReadMessage
        {
            Id = Guid.NewGuid(), DeviceId = "d1", Camera = "cam0", Plate = "7ABC123", Confidence = 0.9,
            CapturedAt = DateTimeOffset.UnixEpoch, Alternatives = [new PlateAlternative("7ABC128", 0.1)],
        };
        var bytes = WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage);
        Assert.True(WireFormat.TryParse(bytes, ContractsJson.Default.PlateReadMessage, out var back, out _));
        Assert.Equal(read.Plate, back!.Plate);
        Assert.Equal(read.Alternatives, back.Alternatives);
    }
}
