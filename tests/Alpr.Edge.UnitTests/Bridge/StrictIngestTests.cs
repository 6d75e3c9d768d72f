using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>
/// The values the uplink contract implies are checked before anything is stored: each malformed value a hostile or broken
/// client sent in the uplink-trust issue is refused with a reason naming its field (the ingest then dead-letters it).
/// </summary>
public sealed class StrictIngestTests
{
    private static readonly DateTimeOffset Now = TestRecords.Noon;

    public static TheoryData<string, string> HostileReads => new()
    {
        { "plate=' OR 1=1 --", "read plate must be 1 to 16 characters A-Z or 0-9" },
        { "plate=<b>BOLD</b>", "read plate must be" },
        { "plate=\u202E7ABC\u0000", "read plate must be" },
        { "plate=7abc123", "read plate must be" },
        { "latitude=1e308", "read latitude must be between -90 and 90" },
        { "longitude=-181", "read longitude must be between -180 and 180" },
        { "sightings=-5", "read sightings must be at least 1" },
        { "box=-5,10,100,40", "read box must lie inside a frame" },
        { "box=10,10,0,40", "read box must lie inside a frame" },
        { "box=10,10,20000,40", "read box must lie inside a frame" },
        { "capturedAt=9999-12-31T00:00:00Z", "ahead of the bridge's clock" },
        { "capturedAt=2020-01-01T00:00:00Z", "days old" },
        { "camera=100000", "read camera must be 1 to 64" },
        { "camera=cam 0; DROP", "read camera must be 1 to 64" },
        { "alternatives=30000", "read has 30000 alternatives; at most 10" },
        { "alternatives=bad", "each read alternative needs a plate text" },
        { "firmwareVersion=100", "read firmwareVersion must be at most 64" },
        { "unknown=1", "malformed PlateReadMessage" },
    };

    [Theory]
    [MemberData(nameof(HostileReads))]
    public void A_read_with_a_value_outside_the_contract_is_refused_naming_the_field(string change, string reason)
    {
        var result = IngestParser.Parse(MqttTopics.Read("pole-1"), Payload(Hostile(change)), Now);

        Assert.Null(result.Record);
        Assert.Contains(reason, result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_values_inside_a_hit_are_refused_too()
    {
        var hit = JsonNode.Parse(WireFormat.Serialize(TestRecords.Hit(TestRecords.Read("pole-1")), ContractsJson.Default.HotlistHitMessage))!;
        hit["read"] = Hostile("plate=<b>BOLD</b>");

        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(hit), Now);

        Assert.Null(result.Record);
        Assert.Contains("read plate must be", result.Rejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listName", "x", "hit listName must be 1 to 64")]
    [InlineData("entryPlate", "7AB; --", "hit entryPlate must be")]
    [InlineData("caseNumber", "\u0007bell", "hit caseNumber must be")]
    [InlineData("score", "2.5", "hit score is not between 0 and 1")]
    [InlineData("plateCropJpeg", "notjpeg", "hit plateCropJpeg is not a JPEG image")]
    [InlineData("overviewJpeg", "huge", "hit overviewJpeg of 600000 bytes exceeds")]
    public void A_hit_field_outside_the_contract_is_refused_naming_it(string field, string value, string reason)
    {
        var hit = JsonNode.Parse(WireFormat.Serialize(TestRecords.Hit(TestRecords.Read("pole-1")), ContractsJson.Default.HotlistHitMessage))!;
        hit[field] = field switch
        {
            "listName" => new string('x', 65),
            "score" => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            "plateCropJpeg" => Convert.ToBase64String(Encoding.ASCII.GetBytes(value)),
            "overviewJpeg" => Convert.ToBase64String([0xFF, 0xD8, .. new byte[600000 - 4], 0xFF, 0xD9]),
            _ => value,
        };

        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), Payload(hit), Now);

        Assert.Null(result.Record);
        Assert.Contains(reason, result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_jpeg_crop_and_the_full_set_of_optional_fields_are_accepted()
    {
        var read = TestRecords.Read("pole-1") with
        {
            Latitude = 37.77,
            Longitude = -122.42,
            Sightings = 4,
            FirmwareVersion = "0.1.174+ece867909d",
            StageMilliseconds = new Dictionary<string, double> { ["detect"] = 19.4, ["recognize"] = 12.1 },
            Alternatives = [.. Enumerable.Range(0, 10).Select(i => new PlateAlternative($"7ABC12{i}", 0.1))],
        };
        var hit = TestRecords.Hit(read) with { PlateCropJpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xD9 }, Score = 0.9, CletsReference = "CLETS-42" };

        var result = IngestParser.Parse(MqttTopics.Hit("pole-1"), new ReadOnlySequence<byte>(WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage)), Now);

        Assert.Null(result.Rejection);
        Assert.Equal(hit.Id, result.Record!.Id);
    }

    [Theory]
    [InlineData("pole 1")]
    [InlineData("pole-\u202E1")]
    public void A_device_id_in_the_topic_that_no_device_can_have_is_refused(string deviceId)
    {
        var result = IngestParser.Parse($"alpr/v1/{deviceId}/read", Payload(JsonNode.Parse(WireFormat.Serialize(TestRecords.Read(deviceId), ContractsJson.Default.PlateReadMessage))!), Now);

        Assert.Null(result.Record);
        Assert.Contains("device id in the topic must be", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_id_of_100000_characters_is_refused()
    {
        var deviceId = new string('p', 100_000);

        var result = IngestParser.Parse($"alpr/v1/{deviceId}/read", Payload(JsonNode.Parse(WireFormat.Serialize(TestRecords.Read(deviceId), ContractsJson.Default.PlateReadMessage))!), Now);

        Assert.Null(result.Record);
        Assert.NotNull(result.Rejection);
    }

    private static JsonNode Hostile(string change)
    {
        var read = JsonNode.Parse(WireFormat.Serialize(TestRecords.Read("pole-1"), ContractsJson.Default.PlateReadMessage))!;
        var (field, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        read[field] = field switch
        {
            "latitude" or "longitude" => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            "sightings" => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            "box" => JsonNode.Parse($"{{\"x\":{value.Split(',')[0]},\"y\":{value.Split(',')[1]},\"width\":{value.Split(',')[2]},\"height\":{value.Split(',')[3]}}}"),
            "camera" when value == "100000" => new string('c', 100_000),
            "alternatives" when value == "bad" => JsonNode.Parse("[{\"text\":\"<script>\",\"score\":0.5}]"),
            "alternatives" => new JsonArray([.. Enumerable.Range(0, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Select(_ => JsonNode.Parse("{\"text\":\"7ABC124\",\"score\":0.1}"))]),
            "firmwareVersion" => new string('v', int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => value,
        };
        return read;
    }

    private static ReadOnlySequence<byte> Payload(JsonNode node) => new(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
