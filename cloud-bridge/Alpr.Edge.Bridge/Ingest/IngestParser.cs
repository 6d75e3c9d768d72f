using System.Buffers;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// Turns an MQTT topic and payload into an <see cref="IngestRecord"/>, or a reason to drop it:
/// wrong topic, oversized, malformed JSON, missing fields, or a payload that contradicts its topic.
/// Never throws on bad input.
/// </summary>
public static class IngestParser
{
    /// <summary>Longest plate text accepted.</summary>
    public const int MaxPlateLength = 16;

    /// <summary>Checks one message.</summary>
    public static IngestParseResult Parse(string topic, ReadOnlySequence<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var deviceId = MqttTopics.DeviceIdOf(topic);
        var isRead = deviceId is not null && topic == MqttTopics.Read(deviceId);
        var isHit = deviceId is not null && topic == MqttTopics.Hit(deviceId);
        if (deviceId is null || !(isRead || isHit))
        {
            return IngestParseResult.Refused("topic is not a device read or hit topic");
        }

        if (payload.Length > WireFormat.MaxPayloadBytes)
        {
            return IngestParseResult.Refused($"payload of {payload.Length} bytes exceeds the {WireFormat.MaxPayloadBytes}-byte limit");
        }

        var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
        return isRead ? ParseRead(deviceId, bytes) : ParseHit(deviceId, bytes);
    }

    private static IngestParseResult ParseRead(string deviceId, ReadOnlySpan<byte> bytes)
    {
        if (!WireFormat.TryParse(bytes, ContractsJson.Default.PlateReadMessage, out var read, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable read");
        }

        var problem = CheckRead(deviceId, read!);
        return problem is null ? IngestParseResult.Accepted(new IngestRecord(deviceId, read, null)) : IngestParseResult.Refused(problem);
    }

    private static IngestParseResult ParseHit(string deviceId, ReadOnlySpan<byte> bytes)
    {
        if (!WireFormat.TryParse(bytes, ContractsJson.Default.HotlistHitMessage, out var hit, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable hit");
        }

        var problem = hit!.Id == Guid.Empty ? "hit id is empty"
            : string.IsNullOrWhiteSpace(hit.ListName) ? "hit listName is empty"
            : string.IsNullOrWhiteSpace(hit.Category) ? "hit category is empty"
            : string.IsNullOrWhiteSpace(hit.MatchKind) ? "hit matchKind is empty"
            : CheckRead(deviceId, hit.Read);
        return problem is null ? IngestParseResult.Accepted(new IngestRecord(deviceId, null, hit)) : IngestParseResult.Refused(problem);
    }

    private static string? CheckRead(string deviceId, PlateReadMessage read)
    {
        if (read.Id == Guid.Empty)
        {
            return "read id is empty";
        }

        if (read.DeviceId != deviceId)
        {
            return $"payload deviceId '{Shorten(read.DeviceId)}' does not match the topic's device '{deviceId}'";
        }

        if (string.IsNullOrWhiteSpace(read.Camera))
        {
            return "read camera is empty";
        }

        if (string.IsNullOrWhiteSpace(read.Plate) || read.Plate.Length > MaxPlateLength)
        {
            return $"read plate must be 1 to {MaxPlateLength} characters";
        }

        return double.IsFinite(read.Confidence) && read.Confidence is >= 0 and <= 1
            ? null
            : "read confidence is not between 0 and 1";
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
