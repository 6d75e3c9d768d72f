using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// Pushes a central hold to the devices it concerns (<see cref="HoldPush"/>), and its release: each device that
/// placed the hold (its <c>hold</c> event names the bridge's command, <see cref="DeviceHoldState"/>) gets a
/// <c>release-hold</c> for its own hold id, so the device's copies are no longer kept past their time. A device whose
/// hold event has not arrived yet is retried by <see cref="HoldReleaseRetryService"/>.
/// </summary>
public sealed partial class DeviceHoldPush(ICentralStore store, MqttIngestService ingest, TimeProvider time, ILogger<DeviceHoldPush> logger)
{
    /// <summary>How far before a hold was placed its devices' hold events are looked for (device clocks drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    /// <summary>Sends <paramref name="hold"/>'s <c>place-hold</c> commands.</summary>
    public async Task<HoldPushResult> PlaceAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var devices = (await store.GetDevicesAsync(cancellationToken)).Select(d => d.DeviceId);
        var commands = HoldPush.Commands(hold, devices, time.GetUtcNow(), out var notPushed);
        var pushed = new List<string>();
        var failed = notPushed is null ? new List<string>() : [notPushed];
        foreach (var (deviceId, command) in commands)
        {
            await SendAsync(deviceId, command, pushed, failed, cancellationToken);
        }

        return new HoldPushResult(pushed, failed);
    }

    /// <summary>Sends released <paramref name="hold"/>'s <c>release-hold</c> commands to the devices that hold it.</summary>
    public async Task<HoldPushResult> ReleaseAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var now = time.GetUtcNow();
        var devices = (await store.GetDevicesAsync(cancellationToken)).Select(d => d.DeviceId);
        var placed = HoldPush.Commands(hold, devices, now, out var notPushed);
        if (placed.Count == 0)
        {
            return new HoldPushResult([], notPushed is null ? [] : [notPushed]);
        }

        var events = (await store.GetEventsOfKindAsync(DeviceEventKinds.Hold, hold.PlacedAt - ClockSkew, hold.DeviceId, cancellationToken))
            .Select(e => e.Event).ToList();
        var released = new List<string>();
        var already = new List<string>();
        var failed = new List<string>();
        foreach (var (deviceId, _) in placed)
        {
            var state = DeviceHoldState.Of(hold.Id, deviceId, events);
            if (state.Released)
            {
                already.Add(deviceId);
            }
            else if (state.DeviceHoldId is not { } deviceHoldId)
            {
                failed.Add($"{deviceId}: its hold event has not reached the bridge yet; the release is sent when it does");
            }
            else
            {
                await SendAsync(deviceId, ReleaseCommand(hold, deviceId, deviceHoldId, now), released, failed, cancellationToken);
            }
        }

        return new HoldPushResult(released, failed) { AlreadyApplied = already };
    }

    private static DeviceCommandMessage ReleaseCommand(LegalHold hold, string deviceId, long deviceHoldId, DateTimeOffset now) => new()
    {
        Id = HoldCommandIds.Release(hold.Id, deviceId),
        Command = DeviceCommands.ReleaseHold,
        HoldId = deviceHoldId,
        Reason = $"case {hold.CaseNumber}: hold released at the bridge",
        RequestedBy = hold.ReleasedBy ?? hold.PlacedBy,
        IssuedAt = now,
    };

    private async Task SendAsync(string deviceId, DeviceCommandMessage command, List<string> pushed, List<string> failed, CancellationToken cancellationToken)
    {
        try
        {
            if (await ingest.SendCommandAsync(deviceId, command, cancellationToken))
            {
                pushed.Add(deviceId);
                return;
            }

            failed.Add($"{deviceId}: the bridge is not connected to the broker, or the broker refused the command");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failed.Add($"{deviceId}: {ex.Message}");
        }

        HoldCommandNotSent(logger, command.Command, command.Id, deviceId);
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "The {Command} command {CommandId} did not reach device {DeviceId}; a release is retried, a placing is not")]
    private static partial void HoldCommandNotSent(ILogger logger, string command, Guid commandId, string deviceId);
}
