using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Events;

/// <summary>
/// The firmware's <see cref="IDeviceEvents"/>: each event is logged, sealed into the device store as its own
/// record kind (one durable transaction) and the uplink is woken to publish it on <c>alpr/v1/{deviceId}/event</c>;
/// it stays in the store until the bridge acknowledges its id. A store that cannot take the event is logged as
/// an error and the event is lost only from the store, never thrown at the caller.
/// </summary>
public sealed class StoredDeviceEvents : IDeviceEvents
{
    private readonly DeviceStore _store;
    private readonly OutboxSignal _signal;
    private readonly string _deviceId;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StoredDeviceEvents> _logger;

    /// <summary>Creates it over the device store.</summary>
    public StoredDeviceEvents(DeviceStore store, OutboxSignal signal, IOptions<DeviceOptions> device, TimeProvider timeProvider, ILogger<StoredDeviceEvents> logger)
    {
        ArgumentNullException.ThrowIfNull(device);
        _store = store;
        _signal = signal;
        _deviceId = device.Value.DeviceId ?? DeviceStore.UnnamedDevice;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public void Raise(string kind, string severity, string message, IReadOnlyDictionary<string, string>? data = null)
    {
        var now = _timeProvider.GetUtcNow();
        var deviceEvent = new DeviceEventMessage
        {
            Id = Guid.CreateVersion7(now),
            DeviceId = _deviceId,
            Kind = kind,
            Severity = severity,
            OccurredAt = now,
            Message = message,
            Data = data is null ? new Dictionary<string, string>() : new Dictionary<string, string>(data, StringComparer.Ordinal),
            FirmwareVersion = ThisAssembly.AssemblyInformationalVersion,
        };
        EventsLog.Raised(_logger, kind, severity, deviceEvent.Id, message);
        try
        {
            _store.AddEvent(deviceEvent);
            _signal.Notify();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or IOException)
        {
            EventsLog.NotStored(_logger, ex, kind, deviceEvent.Id);
        }
    }
}
