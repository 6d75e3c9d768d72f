using Alpr.Edge.Capture.Health;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>One <see cref="CameraHealthMonitor"/> per camera name, created on first use; the <see cref="ICameraHealth"/> of the device.</summary>
public sealed class CameraHealthRegistry : ICameraHealth
{
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lock _gate = new();
    private readonly List<CameraHealthMonitor> _monitors = [];

    /// <summary>Creates the registry.</summary>
    public CameraHealthRegistry(TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public event EventHandler<CameraHealth>? Changed;

    /// <inheritdoc />
    public IReadOnlyList<CameraHealth> Cameras
    {
        get
        {
            lock (_gate)
            {
                return _monitors.Select(m => m.Current).ToList();
            }
        }
    }

    /// <summary>The monitor of <paramref name="camera"/>, created the first time.</summary>
    public CameraHealthMonitor MonitorFor(string camera)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        lock (_gate)
        {
            if (_monitors.FirstOrDefault(m => m.Camera == camera) is { } existing)
            {
                return existing;
            }

            var monitor = new CameraHealthMonitor(camera, _timeProvider, _loggerFactory.CreateLogger("Alpr.Edge.Capture.Camera"));
            monitor.Changed += (sender, health) => Changed?.Invoke(sender, health);
            _monitors.Add(monitor);
            return monitor;
        }
    }
}
