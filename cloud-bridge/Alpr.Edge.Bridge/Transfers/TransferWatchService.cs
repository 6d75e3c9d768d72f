using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Transfers;

/// <summary>
/// The transfer watch: per device, the last transfer (the latest read or hit the bridge received from it) and the
/// oldest un-transferred read the device reports in its status. Once at start and then every
/// <see cref="BridgeOptions.TransferCheckEvery"/> on the bridge's clock, a device that has not transferred for longer
/// than <see cref="BridgeOptions.TransferAlertAfter"/> gets an alert, stored once per last transfer and logged.
/// A failed check is logged and tried again at the next interval.
/// </summary>
public sealed partial class TransferWatchService(
    ICentralStore store, IOptions<BridgeOptions> options, TimeProvider time, ILogger<TransferWatchService> logger) : PeriodicService(time)
{
    /// <summary>Raised after each check that completed, with the alerts it raised.</summary>
    public event EventHandler<IReadOnlyList<TransferAlert>>? Checked;

    /// <summary>Every device heard from or transferred from, by id, as of now.</summary>
    public async Task<IReadOnlyList<DeviceTransferStatus>> GetStatusAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var transfers = await store.GetLastTransfersAsync(cancellationToken);
        var devices = (await store.GetDevicesAsync(cancellationToken)).ToDictionary(d => d.DeviceId, StringComparer.Ordinal);
        return [.. transfers.Keys.Union(devices.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            DateTimeOffset? last = transfers.TryGetValue(id, out var at) ? at : null;
            var oldest = devices.TryGetValue(id, out var device) ? device.Health?.Backlog.OldestReadAt : null;
            return new DeviceTransferStatus(id, last, oldest, last is { } l && now - l > options.Value.TransferAlertAfter);
        })];
    }

    /// <summary>Checks once, now, and stores an alert for each overdue device not alerted for its last transfer yet; null when the check failed (logged).</summary>
    public async Task<IReadOnlyList<TransferAlert>?> CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = Time.GetUtcNow();
            var raised = new List<TransferAlert>();
            foreach (var device in (await GetStatusAsync(cancellationToken)).Where(d => d.Overdue))
            {
                var alert = new TransferAlert(device.DeviceId, now, device.LastTransferAt!.Value, device.OldestUntransferredAt);
                if (await store.AddTransferAlertAsync(alert, cancellationToken))
                {
                    Overdue(logger, device.DeviceId, alert.LastTransferAt, options.Value.TransferAlertAfter);
                    raised.Add(alert);
                }
            }

            Checked?.Invoke(this, raised);
            return raised;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CheckFailed(logger, ex.Message.ReplaceLineEndings(" "));
            return null;
        }
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.TransferCheckEvery;

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckOnceAsync(cancellationToken);

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Device {DeviceId} has not transferred since {LastTransferAt:O}, longer than transferAlertAfter {AlertAfter}; alert stored")]
    private static partial void Overdue(ILogger logger, string deviceId, DateTimeOffset lastTransferAt, TimeSpan alertAfter);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Error, Message = "Transfer check failed: {Reason}; trying again at the next interval")]
    private static partial void CheckFailed(ILogger logger, string reason);
}
