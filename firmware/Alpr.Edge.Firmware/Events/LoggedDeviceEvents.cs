using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Events;

/// <summary>An <see cref="IDeviceEvents"/> that only logs (tools and tests that run without a store or uplink).</summary>
public sealed partial class LoggedDeviceEvents : IDeviceEvents
{
    private readonly ILogger<LoggedDeviceEvents> _logger;

    /// <summary>Creates it.</summary>
    public LoggedDeviceEvents(ILogger<LoggedDeviceEvents> logger) => _logger = logger;

    /// <inheritdoc/>
    public void Raise(string kind, string severity, string message, IReadOnlyDictionary<string, string>? data = null) =>
        EventRaised(_logger, kind, severity, message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device event {Kind} ({Severity}): {Text}")]
    private static partial void EventRaised(ILogger logger, string kind, string severity, string text);
}
