using System.Collections.Concurrent;
using Alpr.Edge.Firmware.Events;

namespace Alpr.Edge.UnitTests.Hotlists;

/// <summary>Keeps the device events raised.</summary>
internal sealed class RecordingDeviceEvents : IDeviceEvents
{
    private readonly ConcurrentQueue<(string Kind, string Severity, string Message, IReadOnlyDictionary<string, string> Data)> _raised = new();

    public IReadOnlyList<(string Kind, string Severity, string Message, IReadOnlyDictionary<string, string> Data)> Raised => [.. _raised];

    public void Raise(string kind, string severity, string message, IReadOnlyDictionary<string, string>? data = null) =>
        _raised.Enqueue((kind, severity, message, data ?? new Dictionary<string, string>()));
}
