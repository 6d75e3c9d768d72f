using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// Which device ids the bridge takes messages from, so invented ids cannot fill the device registry: with
/// <see cref="BridgeOptions.AllowedDevices"/> set, only those (registration by enrolment comes with provisioning); without
/// it, the devices already known plus new ones up to <see cref="BridgeOptions.MaxDevices"/>. A refused device's messages are
/// dead-lettered with the reason and create no device row.
/// </summary>
public sealed class DeviceAdmission
{
    private readonly HashSet<string> _allowed;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly int _max;
    private readonly Lock _gate = new();

    /// <summary>Reads the allow-list and the cap from the options.</summary>
    public DeviceAdmission(IOptions<BridgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = new HashSet<string>(options.Value.AllowedDevices, StringComparer.Ordinal);
        _max = options.Value.MaxDevices;
    }

    /// <summary>Learns the devices the store already holds (at start).</summary>
    public async Task LoadAsync(ICentralStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var devices = await store.GetDevicesAsync(cancellationToken);
        lock (_gate)
        {
            _known.UnionWith(devices.Select(d => d.DeviceId));
        }
    }

    /// <summary>Null when messages from <paramref name="deviceId"/> are taken (a new id under the cap is admitted now), else why not.</summary>
    public string? Refusal(string deviceId)
    {
        if (_allowed.Count > 0)
        {
            return _allowed.Contains(deviceId) ? null : $"device '{deviceId}' is not registered (allowedDevices)";
        }

        lock (_gate)
        {
            if (_known.Contains(deviceId))
            {
                return null;
            }

            if (_known.Count >= _max)
            {
                return $"device '{deviceId}' is new and the registry is full ({_max} devices, maxDevices); register devices with allowedDevices";
            }

            _known.Add(deviceId);
            return null;
        }
    }
}
