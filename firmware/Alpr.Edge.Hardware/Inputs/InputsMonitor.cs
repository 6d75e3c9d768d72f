using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Hardware.Inputs;

/// <summary>
/// Samples the enclosure tamper switch and the vehicle trigger every <see cref="InputOptions.PollInterval"/>, debounces them,
/// and publishes each accepted change. An enclosure found open at start-up is reported too. Sampling (rather than edge
/// interrupts) keeps the debounce on the same clock as everything else and survives a missed edge.
/// </summary>
public sealed class InputsMonitor : PeriodicHardwareService
{
    private readonly PoleDevices _devices;
    private readonly HardwareOptions _options;
    private readonly PoleHardwareEvents _events;
    private readonly HardwareMetrics _metrics;
    private readonly ILogger<InputsMonitor> _logger;
    private readonly PinAssignment? _tamper;
    private readonly PinAssignment? _trigger;
    private readonly Debouncer _tamperDebouncer;
    private readonly Debouncer _triggerDebouncer;
    private readonly TriggerWindow _triggerWindow;

    /// <summary>Creates the monitor.</summary>
    public InputsMonitor(PoleDevices devices, PinMap map, IOptions<HardwareOptions> options, PoleHardwareEvents events, HardwareMetrics metrics, TimeProvider timeProvider, ILogger<InputsMonitor> logger)
        : base(timeProvider, (options ?? throw new ArgumentNullException(nameof(options))).Value.Inputs.PollInterval)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _metrics = metrics;
        _devices = devices;
        _options = options.Value;
        _events = events;
        _logger = logger;
        _tamper = map.TryGet(PinRole.Tamper, out var tamper) ? tamper : null;
        _trigger = _options.Inputs.TriggerEnabled && map.TryGet(PinRole.Trigger, out var trigger) ? trigger : null;
        _tamperDebouncer = new Debouncer(_options.Inputs.TamperDebounce);
        _triggerDebouncer = new Debouncer(_options.Inputs.TriggerDebounce);
        _triggerWindow = new TriggerWindow(_options.Inputs.TriggerWindowHold);
    }

    /// <summary>Whether a vehicle trigger is wired and enabled.</summary>
    public bool TriggerWired => _trigger is not null;

    /// <summary>The debounced trigger level.</summary>
    public bool TriggerActive => _triggerDebouncer.Stable;

    /// <summary>The debounced enclosure state.</summary>
    public bool EnclosureOpen => _tamperDebouncer.Stable;

    /// <summary>
    /// Whether a frame captured at <paramref name="at"/> should be recognised: inside a trigger window when a trigger is wired,
    /// always otherwise.
    /// </summary>
    public bool ShouldRecognize(DateTimeOffset at) => _trigger is null || _triggerWindow.IsOpen(at);

    /// <inheritdoc />
    protected override void Open()
    {
        if (_tamper is not null)
        {
            PinAccess.OpenInput(_devices.Gpio, _tamper);
        }

        if (_trigger is not null)
        {
            PinAccess.OpenInput(_devices.Gpio, _trigger);
        }
    }

    /// <inheritdoc />
    protected override void Tick()
    {
        var now = Time.GetUtcNow();
        if (_tamper is not null && _tamperDebouncer.Update(PinAccess.ReadActive(_devices.Gpio, _tamper), now))
        {
            var open = _tamperDebouncer.Stable;
            HardwareLog.Tamper(_logger, _tamper.HeaderPin, open ? "enclosure opened" : "enclosure closed");
            _metrics.Tamper(open);
            _events.Publish(new TamperEvent(now, open, _tamper.HeaderPin));
        }

        if (_trigger is not null)
        {
            if (_triggerDebouncer.Update(PinAccess.ReadActive(_devices.Gpio, _trigger), now))
            {
                HardwareLog.Trigger(_logger, _triggerDebouncer.Stable ? "active" : "released");
                if (_triggerDebouncer.Stable)
                {
                    _metrics.TriggerActivated();
                }

                _events.Publish(new VehicleTriggerEvent(now, _triggerDebouncer.Stable));
            }

            _triggerWindow.Update(_triggerDebouncer.Stable, now);
        }
    }

    /// <inheritdoc />
    protected override void TickFailed(Exception exception) => HardwareLog.InputsFailed(_logger, exception);

    /// <inheritdoc />
    protected override void Stopped()
    {
    }
}
