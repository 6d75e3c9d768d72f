using System.Globalization;
using Alpr.Edge.Contracts;
using Alpr.Edge.Hardware.Events;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Firmware.Events;

/// <summary>
/// Turns the pole's audit-relevant hardware changes into device events: the enclosure's tamper switch
/// (opened: <c>alarm</c>, closed: <c>info</c>) and over-temperature cut-offs of the illuminator (<c>warning</c>;
/// the return to normal: <c>info</c>).
/// </summary>
internal sealed class HardwareEventsService : IHostedService
{
    private readonly PoleHardwareEvents _hardware;
    private readonly IDeviceEvents _events;
    private bool _overTemperature;

    public HardwareEventsService(PoleHardwareEvents hardware, IDeviceEvents events)
    {
        _hardware = hardware;
        _events = events;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _hardware.Tamper += OnTamper;
        _hardware.IlluminatorLimitChanged += OnIlluminatorLimitChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _hardware.Tamper -= OnTamper;
        _hardware.IlluminatorLimitChanged -= OnIlluminatorLimitChanged;
        return Task.CompletedTask;
    }

    private void OnTamper(object? sender, TamperEvent change)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["opened"] = change.Opened ? "true" : "false",
            ["headerPin"] = change.HeaderPin.ToString(CultureInfo.InvariantCulture),
            ["switchChangedAt"] = change.At.ToString("O", CultureInfo.InvariantCulture),
        };
        if (change.Opened)
        {
            _events.Raise(DeviceEventKinds.Tamper, DeviceEventSeverity.Alarm, $"Enclosure opened (tamper switch on header pin {change.HeaderPin}); check the site and who was at the pole", data);
        }
        else
        {
            _events.Raise(DeviceEventKinds.Tamper, DeviceEventSeverity.Info, $"Enclosure closed (tamper switch on header pin {change.HeaderPin})", data);
        }
    }

    private void OnIlluminatorLimitChanged(object? sender, IlluminatorLimitChangedEvent change)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["state"] = change.Limit.State.ToString(),
            ["maxIntensity"] = change.Limit.MaxIntensity.ToString("0.###", CultureInfo.InvariantCulture),
            ["reason"] = change.Limit.Reason,
        };
        if (change.IsOverTemperature)
        {
            _overTemperature = true;
            _events.Raise(DeviceEventKinds.IlluminatorLimit, DeviceEventSeverity.Warning, $"Illuminator cut off for over-temperature: {change.Limit.Reason}; night reads will suffer until it cools", data);
        }
        else if (_overTemperature)
        {
            _overTemperature = false;
            _events.Raise(DeviceEventKinds.IlluminatorLimit, DeviceEventSeverity.Info, $"Illuminator back from over-temperature: {change.Limit.State}", data);
        }
    }
}
