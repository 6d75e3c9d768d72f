namespace Alpr.Edge.Firmware.Events;

/// <summary>The severities of a device event (<c>DeviceEventMessage.Severity</c>).</summary>
public static class DeviceEventSeverity
{
    /// <summary>For the record.</summary>
    public const string Info = "info";

    /// <summary>Something degraded; look at it.</summary>
    public const string Warning = "warning";

    /// <summary>Audit-relevant alert: act on it.</summary>
    public const string Alarm = "alarm";
}
