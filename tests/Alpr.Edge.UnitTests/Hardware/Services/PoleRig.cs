using System.Diagnostics.Metrics;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.Illumination;
using Alpr.Edge.Hardware.Inputs;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Hardware.Services;

/// <summary>A simulated pole wired by the shipped Raspberry Pi 4 map, on a fake clock, with every published event recorded.</summary>
internal sealed class PoleRig : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private HardwareMetrics? _metrics;

    public PoleRig(Action<HardwareOptions>? configure = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        Options = new HardwareOptions { Board = "rpi4", PinMapPath = Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json") };
        configure?.Invoke(Options);
        Map = PinMapLoader.Load(Options.ResolvePinMapPath());
        Pole = new SimulatedPole(Map, Time);
        Devices = PoleDeviceFactory.OpenSimulated(Options, Pole);
        _owned.Add(Devices);
        Events = new PoleHardwareEvents(EventsLogger);
        Events.Tamper += (_, e) => Record(e);
        Events.VehicleTrigger += (_, e) => Record(e);
        Events.DayNightChanged += (_, e) => Record(e);
        Events.IlluminatorLimitChanged += (_, e) => Record(e);
    }

    public FakeTimeProvider Time { get; }

    public ServiceProvider MetricsServices { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public HardwareMetrics Metrics => _metrics ??= new HardwareMetrics(MetricsServices.GetRequiredService<IMeterFactory>());

    public HardwareOptions Options { get; }

    public PinMap Map { get; }

    public SimulatedPole Pole { get; }

    public PoleDevices Devices { get; }

    public PoleHardwareEvents Events { get; }

    public RecordingLogger<PoleHardwareEvents> EventsLogger { get; } = new();

    public RecordingLogger<IlluminatorController> IlluminatorLogger { get; } = new();

    public List<object> Published { get; } = [];

    public int PinOf(PinRole role) => Map.TryGet(role, out var pin) ? pin.Gpio : throw new InvalidOperationException($"no {role}");

    public IlluminatorController Illuminator() => Own(new IlluminatorController(Devices, Map, Microsoft.Extensions.Options.Options.Create(Options), Events, Metrics, Time, IlluminatorLogger));

    public InputsMonitor Inputs() => Own(new InputsMonitor(Devices, Map, Microsoft.Extensions.Options.Options.Create(Options), Events, Metrics, Time, new RecordingLogger<InputsMonitor>()));

    public StatusLedService StatusLed(PoleStatusIndicator indicator) => Own(new StatusLedService(Devices, Map, indicator, Time, new RecordingLogger<StatusLedService>()));

    /// <summary>Moves the clock in steps and runs the service after each, as its loop would.</summary>
    public void Run(PeriodicHardwareService service, TimeSpan duration, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            Time.Advance(step);
            service.RunOnce();
        }
    }

    public IEnumerable<T> PublishedOf<T>()
    {
        lock (Published)
        {
            return Published.OfType<T>().ToList();
        }
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        MetricsServices.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private void Record(object e)
    {
        lock (Published)
        {
            Published.Add(e);
        }
    }
}
