using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Takes the periodic status: firmware version, uptime, backlog and disk use from the device store, then every
/// <see cref="IStatusContributor"/> (camera, illuminator and temperature, hot-list version...).
/// </summary>
internal sealed class DeviceHealthCollector
{
    private readonly DeviceStore _store;
    private readonly StorageOptions _storage;
    private readonly IStatusContributor[] _contributors;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DeviceHealthCollector> _logger;
    private readonly string _deviceId;
    private readonly long _startedAt;

    public DeviceHealthCollector(
        DeviceStore store,
        IOptions<StorageOptions> storage,
        IOptions<DeviceOptions> device,
        IEnumerable<IStatusContributor> contributors,
        TimeProvider timeProvider,
        ILogger<DeviceHealthCollector> logger)
    {
        _store = store;
        _storage = storage.Value;
        _deviceId = device.Value.DeviceId ?? DeviceStore.UnnamedDevice;
        _contributors = [.. contributors];
        _timeProvider = timeProvider;
        _logger = logger;
        _startedAt = timeProvider.GetTimestamp();
    }

    public DeviceHealthMessage Collect()
    {
        var reads = _store.Count(RecordKind.Read);
        var hits = _store.Count(RecordKind.Hit);
        var events = _store.Count(RecordKind.Event);
        var status = new DeviceHealthMessage
        {
            DeviceId = _deviceId,
            At = _timeProvider.GetUtcNow(),
            FirmwareVersion = ThisAssembly.AssemblyInformationalVersion,
            Backlog = new BacklogStatus(
                reads.NotSent + reads.InFlight,
                hits.NotSent + hits.InFlight,
                events.NotSent + events.InFlight,
                _store.OldestUnacknowledged(RecordKind.Read)),
            Disk = new DiskStatus(_store.Ring.LiveBytes, _storage.DiskBudgetBytes, FreeBytes()),
            UptimeSeconds = Math.Round(_timeProvider.GetElapsedTime(_startedAt).TotalSeconds, 1),
        };
        foreach (var contributor in _contributors)
        {
            try
            {
                status = contributor.Contribute(status);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                UplinkLog.StatusFailed(_logger, $"{contributor.GetType().Name}: {ex.Message}");
            }
        }

        return status;
    }

    private long? FreeBytes()
    {
        try
        {
            var directory = Path.GetDirectoryName(_store.Path);
            return directory is null ? null : new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
