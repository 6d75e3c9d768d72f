using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// Turns an MQTT topic and payload into an <see cref="IngestRecord"/> (read, hit, device event) or a
/// <see cref="DeviceStateUpdate"/> (availability, periodic status), or a reason to drop it:
/// wrong topic, oversized, malformed JSON, unknown or missing fields, a payload that contradicts its topic, or a value outside
/// what the contract implies (<see cref="IngestValueChecks"/>). Never throws on bad input.
/// </summary>
public static class IngestParser
{
    /// <summary>Longest plate text accepted.</summary>
    public const int MaxPlateLength = 16;

    /// <summary>Longest event kind accepted.</summary>
    public const int MaxEventKindLength = 64;

    /// <summary>Longest event message accepted.</summary>
    public const int MaxEventMessageLength = 2000;

    private static readonly string[] Severities = ["info", "warning", "alarm"];
    private static readonly string[] Availabilities = ["online", "offline", "stopped"];

    // The devices' contract with one difference: a field the contract does not have is refused, not ignored (immutable).
    private static readonly ContractsJson Strict = new(new JsonSerializerOptions(ContractsJson.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });

    /// <summary>Checks one message received at <paramref name="now"/> (the bridge's clock).</summary>
    public static IngestParseResult Parse(string topic, ReadOnlySequence<byte> payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var deviceId = MqttTopics.DeviceIdOf(topic);
        if (deviceId is not null && !IngestValueChecks.IsName(deviceId))
        {
            return IngestParseResult.Refused($"device id in the topic must be 1 to {IngestValueChecks.MaxNameLength} letters, digits, '-', '_' or '.'");
        }

        var kind = deviceId is null ? null
            : topic == MqttTopics.Read(deviceId) ? "read"
            : topic == MqttTopics.Hit(deviceId) ? "hit"
            : topic == MqttTopics.Event(deviceId) ? "event"
            : topic == MqttTopics.Status(deviceId) ? "status"
            : topic == MqttTopics.Health(deviceId) ? "health"
            : null;
        if (deviceId is null || kind is null)
        {
            return IngestParseResult.Refused("topic is not a device read, hit, event, status or health topic");
        }

        if (payload.Length > WireFormat.MaxPayloadBytes)
        {
            return IngestParseResult.Refused($"payload of {payload.Length} bytes exceeds the {WireFormat.MaxPayloadBytes}-byte limit");
        }

        var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
        return kind switch
        {
            "read" => ParseRead(deviceId, bytes, now),
            "hit" => ParseHit(deviceId, bytes, now),
            "event" => ParseEvent(deviceId, bytes),
            "status" => ParseAvailability(deviceId, bytes),
            _ => ParseHealth(deviceId, bytes),
        };
    }

    private static IngestParseResult ParseEvent(string deviceId, ReadOnlySpan<byte> bytes)
    {
        if (!WireFormat.TryParse(bytes, Strict.DeviceEventMessage, out var deviceEvent, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable event");
        }

        var problem = deviceEvent!.Id == Guid.Empty ? "event id is empty"
            : deviceEvent.DeviceId != deviceId ? $"payload deviceId '{Shorten(deviceEvent.DeviceId)}' does not match the topic's device '{deviceId}'"
            : string.IsNullOrWhiteSpace(deviceEvent.Kind) || deviceEvent.Kind.Length > MaxEventKindLength ? $"event kind must be 1 to {MaxEventKindLength} characters"
            : !Severities.Contains(deviceEvent.Severity, StringComparer.Ordinal) ? "event severity must be info, warning or alarm"
            : deviceEvent.Message.Length > MaxEventMessageLength ? $"event message is longer than {MaxEventMessageLength} characters"
            : null;
        return problem is null ? IngestParseResult.Accepted(new IngestRecord(deviceId, null, null, deviceEvent)) : IngestParseResult.Refused(problem);
    }

    private static IngestParseResult ParseAvailability(string deviceId, ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Length <= 16 ? System.Text.Encoding.UTF8.GetString(bytes) : null;
        return text is not null && Availabilities.Contains(text, StringComparer.Ordinal)
            ? IngestParseResult.Observed(new DeviceStateUpdate(deviceId, text, null))
            : IngestParseResult.Refused("status payload must be online, offline or stopped");
    }

    private static IngestParseResult ParseHealth(string deviceId, ReadOnlySpan<byte> bytes)
    {
        if (!WireFormat.TryParse(bytes, Strict.DeviceHealthMessage, out var health, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable health");
        }

        return health!.DeviceId == deviceId
            ? IngestParseResult.Observed(new DeviceStateUpdate(deviceId, null, health))
            : IngestParseResult.Refused($"payload deviceId '{Shorten(health.DeviceId)}' does not match the topic's device '{deviceId}'");
    }

    private static IngestParseResult ParseRead(string deviceId, ReadOnlySpan<byte> bytes, DateTimeOffset now)
    {
        if (!WireFormat.TryParse(bytes, Strict.PlateReadMessage, out var read, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable read");
        }

        var problem = CheckRead(deviceId, read!, now);
        return problem is null ? IngestParseResult.Accepted(new IngestRecord(deviceId, read, null)) : IngestParseResult.Refused(problem);
    }

    private static IngestParseResult ParseHit(string deviceId, ReadOnlySpan<byte> bytes, DateTimeOffset now)
    {
        if (!WireFormat.TryParse(bytes, Strict.HotlistHitMessage, out var hit, out var error))
        {
            return IngestParseResult.Refused(error ?? "unreadable hit");
        }

        var problem = hit!.Id == Guid.Empty ? "hit id is empty"
            : CheckRead(deviceId, hit.Read, now) ?? IngestValueChecks.CheckHit(hit);
        return problem is null ? IngestParseResult.Accepted(new IngestRecord(deviceId, null, hit)) : IngestParseResult.Refused(problem);
    }

    private static string? CheckRead(string deviceId, PlateReadMessage read, DateTimeOffset now)
    {
        if (read.Id == Guid.Empty)
        {
            return "read id is empty";
        }

        if (read.DeviceId != deviceId)
        {
            return $"payload deviceId '{Shorten(read.DeviceId)}' does not match the topic's device '{deviceId}'";
        }

        return IngestValueChecks.CheckRead(read, now);
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
