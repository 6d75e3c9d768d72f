using System.Globalization;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Firmware.Events;

/// <summary>
/// Turns the ring's budget alarms into <c>store-budget-exhausted</c> device events: images of un-transferred reads
/// dropped (<c>warning</c>), hit-free reads dropped (<c>alarm</c>: evidence lost before the bridge had it), or nothing left
/// to drop but hits and held records (<c>alarm</c>). The ring raises an alarm on every purge step while the budget is
/// exhausted, so events of one kind are raised at most once per <see cref="Interval"/>, with the records affected since
/// the last one added up.
/// </summary>
internal sealed class StoreAlarmEventsService : IHostedService
{
    /// <summary>Least time between two events of one kind.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private readonly DeviceStore _store;
    private readonly IDeviceEvents _events;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Dictionary<StorageAlarmKind, (DateTimeOffset LastRaised, int Pending)> _kinds = [];

    public StoreAlarmEventsService(DeviceStore store, IDeviceEvents events, TimeProvider timeProvider)
    {
        _store = store;
        _events = events;
        _timeProvider = timeProvider;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store.Ring.Alarm += OnAlarm;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _store.Ring.Alarm -= OnAlarm;
        return Task.CompletedTask;
    }

    private void OnAlarm(object? sender, StorageAlarm alarm)
    {
        int records;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var (last, pending) = _kinds.GetValueOrDefault(alarm.Kind, (DateTimeOffset.MinValue, 0));
            pending += alarm.Records;
            if (now - last < Interval)
            {
                _kinds[alarm.Kind] = (last, pending);
                return;
            }

            _kinds[alarm.Kind] = (now, 0);
            records = pending;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = alarm.Kind switch
            {
                StorageAlarmKind.ImagesDropped => "images-dropped",
                StorageAlarmKind.ReadsDropped => "reads-dropped",
                _ => "budget-held-by-hits-and-holds",
            },
            ["records"] = records.ToString(CultureInfo.InvariantCulture),
            ["liveBytes"] = alarm.LiveBytes.ToString(CultureInfo.InvariantCulture),
            ["budgetBytes"] = alarm.BudgetBytes.ToString(CultureInfo.InvariantCulture),
        };
        if (alarm.OldestCapturedAt is { } oldest)
        {
            data["oldestCapturedAt"] = oldest.ToString("O", CultureInfo.InvariantCulture);
        }

        var (severity, message) = alarm.Kind switch
        {
            StorageAlarmKind.ImagesDropped => (DeviceEventSeverity.Warning,
                $"Store over its disk budget with reads the bridge does not have: images of {records} reads dropped (plate records kept); restore the uplink or raise Storage:DiskBudgetBytes"),
            StorageAlarmKind.ReadsDropped => (DeviceEventSeverity.Alarm,
                $"Store over its disk budget with reads the bridge does not have: {records} reads without hits dropped, oldest first; restore the uplink now"),
            _ => (DeviceEventSeverity.Alarm,
                "Store over its disk budget and only hits and held records are left; nothing more is dropped; restore the uplink or release holds"),
        };
        _events.Raise(DeviceEventKinds.StoreBudgetExhausted, severity, message, data);
    }
}
