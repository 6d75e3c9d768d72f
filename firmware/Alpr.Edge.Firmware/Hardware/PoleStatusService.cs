using System.Diagnostics.Metrics;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.Rules;
using Alpr.Edge.Hardware.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hardware;

/// <summary>
/// Drives <see cref="PoleStatusIndicator"/> from what the firmware does (see <see cref="PoleStatusRule"/>), and logs the tamper,
/// day/night and over-temperature events of <see cref="PoleHardwareEvents"/>. It watches the capture and uplink counters of this
/// host's meters (<see cref="CaptureMetrics"/>, <see cref="UplinkMetrics"/>) instead of reaching into those services; the host
/// crashing on a failed stage stops the LED service, which turns the LED off.
/// </summary>
internal sealed class PoleStatusService : BackgroundService
{
    private static readonly TimeSpan EvaluateEvery = TimeSpan.FromSeconds(1);

    private readonly PoleStatusIndicator _indicator;
    private readonly PoleHardwareEvents _events;
    private readonly IMeterFactory _meterFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PoleStatusService> _logger;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private long _startedAt;
    private long _lastFrameAt;
    private bool _sawFrame;
    private bool _uplinkConnected;
    private PoleStatus? _reported;

    public PoleStatusService(PoleStatusIndicator indicator, PoleHardwareEvents events, IMeterFactory meterFactory, TimeProvider timeProvider, ILogger<PoleStatusService> logger)
    {
        _indicator = indicator;
        _events = events;
        _meterFactory = meterFactory;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = _timeProvider.GetTimestamp();
        _indicator.Set(PoleStatus.Booting);
        _events.Tamper += OnTamper;
        _events.DayNightChanged += OnDayNightChanged;
        _events.IlluminatorLimitChanged += OnIlluminatorLimitChanged;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meters: tests run several hosts in one process.
            if (ReferenceEquals(instrument.Meter.Scope, _meterFactory) && instrument.Name is "alpr.capture.frames" or "alpr.uplink.connects" or "alpr.uplink.connect_failures")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => OnMeasurement(instrument.Name));
        _listener.Start();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        _events.Tamper -= OnTamper;
        _events.DayNightChanged -= OnDayNightChanged;
        _events.IlluminatorLimitChanged -= OnIlluminatorLimitChanged;
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(EvaluateEvery, _timeProvider);
        try
        {
            do
            {
                Evaluate();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnMeasurement(string instrument)
    {
        var now = _timeProvider.GetTimestamp();
        bool changed;
        lock (_gate)
        {
            switch (instrument)
            {
                case "alpr.capture.frames":
                    changed = !_sawFrame;
                    _lastFrameAt = now;
                    _sawFrame = true;
                    break;
                case "alpr.uplink.connects":
                    changed = !_uplinkConnected;
                    _uplinkConnected = true;
                    break;
                default:
                    changed = _uplinkConnected;
                    _uplinkConnected = false;
                    break;
            }
        }

        if (changed)
        {
            Evaluate();
        }
    }

    private void Evaluate()
    {
        (PoleStatus Status, string Reason) decision;
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            TimeSpan? sinceLastFrame = _sawFrame ? _timeProvider.GetElapsedTime(_lastFrameAt, now) : null;
            decision = PoleStatusRule.Decide(_timeProvider.GetElapsedTime(_startedAt, now), sinceLastFrame, _uplinkConnected);
            if (decision.Status == _reported)
            {
                return;
            }

            _reported = decision.Status;
        }

        _indicator.Set(decision.Status);
        if (decision.Status == PoleStatus.Fault)
        {
            PoleStatusLog.Fault(_logger, decision.Status, decision.Reason);
        }
        else
        {
            PoleStatusLog.StatusChanged(_logger, decision.Status, decision.Reason);
        }
    }

    private void OnTamper(object? sender, TamperEvent change)
    {
        if (change.Opened)
        {
            PoleStatusLog.EnclosureOpened(_logger, change.HeaderPin, change.At);
        }
        else
        {
            PoleStatusLog.EnclosureClosed(_logger, change.HeaderPin, change.At);
        }
    }

    private void OnDayNightChanged(object? sender, DayNightChangedEvent change) =>
        PoleStatusLog.DayNightChanged(_logger, change.Period, change.Reason);

    private void OnIlluminatorLimitChanged(object? sender, IlluminatorLimitChangedEvent change)
    {
        if (change.IsOverTemperature)
        {
            PoleStatusLog.OverTemperature(_logger, change.Limit.State, change.Limit.MaxIntensity, change.Limit.Reason);
        }
        else
        {
            PoleStatusLog.LimitChanged(_logger, change.Limit.State, change.Limit.MaxIntensity, change.Limit.Reason);
        }
    }
}
