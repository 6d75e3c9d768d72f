using System.Buffers;
using System.Text;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class IngestParserTests
{
    [Fact]
    public void Read_on_its_device_topic_is_accepted()
    {
        var read = TestRecords.Read("pole-1");

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read));

        Assert.Null(result.Rejection);
        Assert.Equal("pole-1", result.Record!.DeviceId);
        Assert.Equal(read.Id, result.Record.Id);
        Assert.Null(result.Record.Hit);
    }

    [Fact]
    public void Hit_on_its_device_topic_is_accepted()
    {
        var hit = TestRecords.Hit(TestRecords.Read("pole-1"));

        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(hit));

        Assert.Equal(hit.Id, result.Record!.Id);
        Assert.NotNull(result.Record.Hit);
    }

    [Fact]
    public void Malformed_json_is_refused_with_a_reason()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Bytes("{\"plate\":"));

        Assert.Null(result.Record);
        Assert.Contains("malformed", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_missing_a_required_field_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Bytes($"{{\"id\":\"{Guid.NewGuid()}\",\"deviceId\":\"pole-1\"}}"));

        Assert.Null(result.Record);
        Assert.NotNull(result.Rejection);
    }

    [Fact]
    public void Oversized_payload_is_refused_without_being_parsed()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), new ReadOnlySequence<byte>(new byte[WireFormat.MaxPayloadBytes + 1]));

        Assert.Contains("exceeds", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_sent_on_another_devices_topic_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-2"), Payload(TestRecords.Read("pole-1")));

        Assert.Contains("does not match the topic", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_sent_on_a_hit_topic_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(TestRecords.Read("pole-1")));

        Assert.Null(result.Record);
    }

    [Theory]
    [InlineData("alpr/v1/pole-1/status")]
    [InlineData("alpr/v2/pole-1/read")]
    [InlineData("other")]
    public void Message_on_a_topic_that_is_not_a_read_or_hit_is_refused(string topic)
    {
        var result = IngestParser.Parse(topic, Payload(TestRecords.Read("pole-1")));

        Assert.Equal("topic is not a device read, hit, event, status or health topic", result.Rejection);
    }

    [Theory]
    [InlineData("", 0.5)]
    [InlineData("ABCDEFGHIJKLMNOPQ", 0.5)]
    [InlineData("7ABC123", 1.5)]
    [InlineData("7ABC123", -0.1)]
    public void Read_with_an_impossible_plate_or_confidence_is_refused(string plate, double confidence)
    {
        var read = TestRecords.Read("pole-1", plate) with { Confidence = confidence };

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read));

        Assert.Null(result.Record);
    }

    [Fact]
    public void Read_with_an_empty_id_is_refused()
    {
        var read = TestRecords.Read("pole-1") with { Id = Guid.Empty };

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read));

        Assert.Equal("read id is empty", result.Rejection);
    }

    [Fact]
    public void Payload_split_over_several_segments_is_parsed()
    {
        var bytes = WireFormat.Serialize(TestRecords.Read("pole-1"), ContractsJson.Default.PlateReadMessage);
        var first = new Segment(bytes.AsMemory(0, 10));
        var last = first.Append(bytes.AsMemory(10));

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.NotNull(result.Record);
    }

    private static ReadOnlySequence<byte> Payload(PlateReadMessage read) =>
        new(WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage));

    private static ReadOnlySequence<byte> Payload(HotlistHitMessage hit) =>
        new(WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage));

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
