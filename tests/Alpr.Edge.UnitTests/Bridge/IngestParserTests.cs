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

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read), TestRecords.Noon);

        Assert.Null(result.Rejection);
        Assert.Equal("pole-1", result.Record!.DeviceId);
        Assert.Equal(read.Id, result.Record.Id);
        Assert.Null(result.Record.Hit);
    }

    [Fact]
    public void Hit_on_its_device_topic_is_accepted()
    {
        var hit = TestRecords.Hit(TestRecords.Read("pole-1"));

        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(hit), TestRecords.Noon);

        Assert.Equal(hit.Id, result.Record!.Id);
        Assert.NotNull(result.Record.Hit);
    }

    [Fact]
    public void Malformed_json_is_refused_with_a_reason()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Bytes("{\"plate\":"), TestRecords.Noon);

        Assert.Null(result.Record);
        Assert.Contains("malformed", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_missing_a_required_field_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Bytes($"{{\"id\":\"{Guid.NewGuid()}\",\"deviceId\":\"pole-1\"}}"), TestRecords.Noon);

        Assert.Null(result.Record);
        Assert.NotNull(result.Rejection);
    }

    [Fact]
    public void Oversized_payload_is_refused_without_being_parsed()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), new ReadOnlySequence<byte>(new byte[WireFormat.MaxPayloadBytes + 1]), TestRecords.Noon);

        Assert.Contains("exceeds", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_sent_on_another_devices_topic_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-2"), Payload(TestRecords.Read("pole-1")), TestRecords.Noon);

        Assert.Contains("does not match the topic", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_sent_on_a_hit_topic_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(TestRecords.Read("pole-1")), TestRecords.Noon);

        Assert.Null(result.Record);
    }

    [Theory]
    [InlineData("alpr/v1/pole-1/ack")]
    [InlineData("alpr/v1/pole-1/command")]
    [InlineData("alpr/v2/pole-1/read")]
    [InlineData("other")]
    public void Message_on_a_topic_that_is_not_a_device_topic_is_refused(string topic)
    {
        var result = IngestParser.Parse(topic, Payload(TestRecords.Read("pole-1")), TestRecords.Noon);

        Assert.Equal("topic is not a device read, hit, event, status or health topic", result.Rejection);
    }

    [Theory]
    [InlineData("online")]
    [InlineData("offline")]
    [InlineData("stopped")]
    public void Availability_on_the_status_topic_is_kept(string availability)
    {
        var result = IngestParser.Parse(MqttTopics.Status("pole-1"), new ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(availability)), TestRecords.Noon);

        Assert.Null(result.Rejection);
        Assert.Equal(availability, result.State!.Availability);
        Assert.Equal("pole-1", result.State.DeviceId);
    }

    [Fact]
    public void Unknown_availability_text_is_refused()
    {
        var result = IngestParser.Parse(MqttTopics.Status("pole-1"), new ReadOnlySequence<byte>("{\"online\":true}"u8.ToArray()), TestRecords.Noon);

        Assert.Null(result.State);
        Assert.Equal("status payload must be online, offline or stopped", result.Rejection);
    }

    [Fact]
    public void Device_event_is_accepted_and_checked_against_its_topic()
    {
        var deviceEvent = new DeviceEventMessage
        {
            Id = Guid.NewGuid(),
            DeviceId = "pole-1",
            Kind = DeviceEventKinds.Tamper,
            Severity = "alarm",
            OccurredAt = DateTimeOffset.UtcNow,
            Message = "Enclosure opened",
        };
        var bytes = WireFormat.Serialize(deviceEvent, ContractsJson.Default.DeviceEventMessage);

        var accepted = IngestParser.Parse(MqttTopics.Event("pole-1"), new ReadOnlySequence<byte>(bytes), TestRecords.Noon);
        var wrongDevice = IngestParser.Parse(MqttTopics.Event("pole-2"), new ReadOnlySequence<byte>(bytes), TestRecords.Noon);
        var wrongSeverity = IngestParser.Parse(MqttTopics.Event("pole-1"), new ReadOnlySequence<byte>(WireFormat.Serialize(deviceEvent with { Severity = "panic" }, ContractsJson.Default.DeviceEventMessage)), TestRecords.Noon);

        Assert.Equal(deviceEvent.Id, accepted.Record!.Id);
        Assert.Equal("event", accepted.Record.Kind);
        Assert.Contains("does not match the topic", wrongDevice.Rejection, StringComparison.Ordinal);
        Assert.Equal("event severity must be info, warning or alarm", wrongSeverity.Rejection);
    }

    [Fact]
    public void Periodic_status_on_the_health_topic_is_kept()
    {
        var health = new DeviceHealthMessage
        {
            DeviceId = "pole-1",
            At = DateTimeOffset.UtcNow,
            FirmwareVersion = "1.0",
            Backlog = new BacklogStatus(3, 0, 1, DateTimeOffset.UtcNow.AddMinutes(-5)),
            Disk = new DiskStatus(1000, 2000),
            UptimeSeconds = 12,
        };

        var result = IngestParser.Parse(MqttTopics.Health("pole-1"), new ReadOnlySequence<byte>(WireFormat.Serialize(health, ContractsJson.Default.DeviceHealthMessage)), TestRecords.Noon);

        Assert.Null(result.Rejection);
        Assert.Equal(3, result.State!.Health!.Backlog.Reads);
    }

    [Theory]
    [InlineData("", 0.5)]
    [InlineData("ABCDEFGHIJKLMNOPQ", 0.5)]
    [InlineData("7ABC123", 1.5)]
    [InlineData("7ABC123", -0.1)]
    public void Read_with_an_impossible_plate_or_confidence_is_refused(string plate, double confidence)
    {
        var read = TestRecords.Read("pole-1", plate) with { Confidence = confidence };

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read), TestRecords.Noon);

        Assert.Null(result.Record);
    }

    [Fact]
    public void Read_with_an_empty_id_is_refused()
    {
        var read = TestRecords.Read("pole-1") with { Id = Guid.Empty };

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(read), TestRecords.Noon);

        Assert.Equal("read id is empty", result.Rejection);
    }

    [Fact]
    public void Payload_split_over_several_segments_is_parsed()
    {
        var bytes = WireFormat.Serialize(TestRecords.Read("pole-1"), ContractsJson.Default.PlateReadMessage);
        var first = new Segment(bytes.AsMemory(0, 10));
        var last = first.Append(bytes.AsMemory(10));

        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), TestRecords.Noon);

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
