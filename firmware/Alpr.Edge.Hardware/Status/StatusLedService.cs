using System.Device.Gpio;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Hardware.Status;

/// <summary>Blinks the status LED in the pattern of <see cref="PoleStatusIndicator.Status"/>; off when the host stops.</summary>
public sealed class StatusLedService : PeriodicHardwareService
{
    /// <summary>How often the LED is updated (half the shortest pattern step).</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(50);

    private readonly PoleDevices _devices;
    private readonly PoleStatusIndicator _indicator;
    private readonly ILogger<StatusLedService> _logger;
    private readonly PinAssignment? _led;

    /// <summary>Creates the service.</summary>
    public StatusLedService(PoleDevices devices, PinMap map, PoleStatusIndicator indicator, TimeProvider timeProvider, ILogger<StatusLedService> logger)
        : base(timeProvider, UpdateInterval)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(logger);
        _devices = devices;
        _indicator = indicator;
        _logger = logger;
        _led = map.TryGet(PinRole.StatusLed, out var led) ? led : null;
    }

    /// <inheritdoc />
    protected override void Open()
    {
        if (_led is not null)
        {
            PinAccess.OpenOutput(_devices.Gpio, _led, PinValue.Low);
        }
    }

    /// <inheritdoc />
    protected override void Tick()
    {
        if (_led is null)
        {
            return;
        }

        var (status, since) = _indicator.Snapshot();
        var lit = StatusLedPattern.For(status).IsLit(Time.GetUtcNow() - since);
        _devices.Gpio.Write(_led.Gpio, lit ? PinValue.High : PinValue.Low);
    }

    /// <inheritdoc />
    protected override void TickFailed(Exception exception) => HardwareLog.StatusLedFailed(_logger, exception);

    /// <inheritdoc />
    protected override void Stopped()
    {
        try
        {
            if (_led is not null && _devices.Gpio.IsPinOpen(_led.Gpio))
            {
                _devices.Gpio.Write(_led.Gpio, PinValue.Low);
            }
        }
        catch (IOException ex)
        {
            HardwareLog.StatusLedFailed(_logger, ex);
        }
    }
}
