using Alpr.Edge.Firmware.Events;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>An <see cref="IDeviceEvents"/> that keeps what was raised, for tests of the services that raise events.</summary>
internal sealed class RecordingDeviceEvents : IDeviceEvents
{
    public List<(string Kind, string Severity, string Message, IReadOnlyDictionary<string, string> Data)> Raised { get; } = [];

    public void Raise(string kind, string severity, string message, IReadOnlyDictionary<string, string>? data = null) =>
        Raised.Add((kind, severity, message, data ?? new Dictionary<string, string>()));
}
