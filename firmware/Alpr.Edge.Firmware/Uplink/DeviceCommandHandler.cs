using System.Globalization;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Storage.Holds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Applies the bridge's commands (<see cref="DeviceCommandMessage"/> on <c>alpr/v1/{deviceId}/command</c>): places and
/// releases holds on the device store and answers each with a <see cref="DeviceEventKinds.Hold"/> event naming the
/// command and the device's hold id. Malformed JSON, a wrong shape, an unknown command or a hold that cannot be
/// applied is logged and answered with <see cref="DeviceEventKinds.InboundRejected"/>. A command id seen before (a QoS 1
/// re-delivery, also after a restart: the ids are kept in the device store for a week) is applied once.
/// </summary>
internal sealed class DeviceCommandHandler : IInboundMessageHandler
{
    /// <summary>Longest reason or requester accepted, in characters.</summary>
    public const int MaxTextLength = 500;

    private readonly DeviceStore _store;
    private readonly IDeviceEvents _events;
    private readonly ILogger<DeviceCommandHandler> _logger;
    private readonly BridgeMessageTrust _trust;
    private readonly string _topic;

    public DeviceCommandHandler(DeviceStore store, IDeviceEvents events, IOptions<DeviceOptions> device, BridgeMessageTrust trust, ILogger<DeviceCommandHandler> logger)
    {
        _store = store;
        _events = events;
        _trust = trust;
        _logger = logger;
        _topic = MqttTopics.Command(device.Value.DeviceId ?? DeviceStore.UnnamedDevice);
    }

    public int MaxPayloadBytes => 16 * 1024;

    public string Topic(string deviceId) => MqttTopics.Command(deviceId);

    public Task HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!_trust.TryOpen(payload.Span, ContractsJson.Default.DeviceCommandMessage, c => c.Claims(), checkReplay: false, out var command, out var error))
        {
            Reject(null, error ?? "not a DeviceCommandMessage");
            return Task.CompletedTask;
        }

        var problem = CheckCommon(command!);
        if (problem is not null)
        {
            Reject(command!.Id, problem);
            return Task.CompletedTask;
        }

        if (!Remember(command!.Id))
        {
            UplinkLog.CommandDuplicate(_logger, command.Id, command.Command);
            return Task.CompletedTask;
        }

        switch (command.Command)
        {
            case DeviceCommands.PlaceHold:
                PlaceHold(command);
                break;
            case DeviceCommands.ReleaseHold:
                ReleaseHold(command);
                break;
            default:
                Reject(command.Id, $"unknown command '{Shorten(command.Command)}'; known: {DeviceCommands.PlaceHold}, {DeviceCommands.ReleaseHold}");
                break;
        }

        return Task.CompletedTask;
    }

    private void PlaceHold(DeviceCommandMessage command)
    {
        if (!TryHoldRequest(command.Hold, out var request, out var problem))
        {
            Reject(command.Id, problem);
            return;
        }

        long holdId;
        try
        {
            holdId = _store.Ring.PlaceHold(request);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            Reject(command.Id, $"the store could not place the hold: {ex.Message}");
            return;
        }

        var data = Data(command);
        data["action"] = "placed";
        data["holdId"] = holdId.ToString(CultureInfo.InvariantCulture);
        data["holdKind"] = request.Kind.ToString();
        if (request.Kind == HoldKind.TimeWindow)
        {
            data["from"] = request.From.ToString("O", CultureInfo.InvariantCulture);
            data["to"] = request.To.ToString("O", CultureInfo.InvariantCulture);
        }
        else if (request.Kind == HoldKind.Record)
        {
            data["recordId"] = request.RecordId.ToString("D");
        }

        UplinkLog.HoldApplied(_logger, "placed", holdId, command.Id);
        _events.Raise(DeviceEventKinds.Hold, DeviceEventSeverity.Info, $"Hold {holdId} placed ({request.Kind}) for {command.RequestedBy}: {command.Reason}", data);
    }

    private void ReleaseHold(DeviceCommandMessage command)
    {
        if (command.HoldId is not { } holdId || holdId <= 0)
        {
            Reject(command.Id, "release-hold needs holdId, the device's id of the hold (from its hold event)");
            return;
        }

        bool released;
        try
        {
            released = _store.Ring.ReleaseHold(holdId);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            Reject(command.Id, $"the store could not release hold {holdId}: {ex.Message}");
            return;
        }

        if (!released)
        {
            Reject(command.Id, $"no active hold {holdId}");
            return;
        }

        var data = Data(command);
        data["action"] = "released";
        data["holdId"] = holdId.ToString(CultureInfo.InvariantCulture);
        UplinkLog.HoldApplied(_logger, "released", holdId, command.Id);
        _events.Raise(DeviceEventKinds.Hold, DeviceEventSeverity.Info, $"Hold {holdId} released for {command.RequestedBy}: {command.Reason}", data);
    }

    private static string? CheckCommon(DeviceCommandMessage command)
    {
        if (command.Id == Guid.Empty)
        {
            return "command id is empty";
        }

        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > MaxTextLength)
        {
            return $"reason must be 1 to {MaxTextLength} characters";
        }

        return string.IsNullOrWhiteSpace(command.RequestedBy) || command.RequestedBy.Length > MaxTextLength
            ? $"requestedBy must be 1 to {MaxTextLength} characters"
            : null;
    }

    private static bool TryHoldRequest(HoldSpec? hold, out HoldRequest request, out string problem)
    {
        request = null!;
        problem = string.Empty;
        if (hold is null)
        {
            problem = "place-hold needs hold: a plate, a time window (from, to) or a recordId";
            return false;
        }

        var given = (hold.Plate is not null ? 1 : 0) + (hold.From is not null || hold.To is not null ? 1 : 0) + (hold.RecordId is not null ? 1 : 0);
        if (given != 1)
        {
            problem = "hold must give exactly one of: plate, a time window (from and to), recordId";
            return false;
        }

        if (hold.Plate is { } plate)
        {
            if (plate.Length is 0 or > 16 || !plate.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                problem = "hold plate must be 1 to 16 characters A-Z and 0-9";
                return false;
            }

            request = HoldRequest.ForPlate(plate);
            return true;
        }

        if (hold.RecordId is { } recordId)
        {
            if (recordId == Guid.Empty)
            {
                problem = "hold recordId is empty";
                return false;
            }

            request = HoldRequest.ForRecord(recordId);
            return true;
        }

        if (hold.From is not { } from || hold.To is not { } to || to < from)
        {
            problem = "hold time window needs both from and to, with to not before from";
            return false;
        }

        request = HoldRequest.ForWindow(from, to);
        return true;
    }

    private static Dictionary<string, string> Data(DeviceCommandMessage command) => new(StringComparer.Ordinal)
    {
        ["commandId"] = command.Id.ToString("D"),
        ["command"] = command.Command,
        ["reason"] = command.Reason,
        ["requestedBy"] = command.RequestedBy,
    };

    // Durable: a command re-delivered after a restart (the broker keeps QoS 1 messages for the device's session) is applied once.
    private bool Remember(Guid id) => _store.Ring.RememberCommand(id);

    private void Reject(Guid? commandId, string reason)
    {
        UplinkLog.InboundRejected(_logger, _topic, reason);
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["topic"] = _topic, ["reason"] = reason };
        if (commandId is { } id)
        {
            data["commandId"] = id.ToString("D");
        }

        _events.Raise(DeviceEventKinds.InboundRejected, DeviceEventSeverity.Warning, $"Command rejected: {reason}", data);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
