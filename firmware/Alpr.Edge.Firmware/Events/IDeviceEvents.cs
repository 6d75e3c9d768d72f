namespace Alpr.Edge.Firmware.Events;

/// <summary>
/// Where any part of the firmware raises an audit-relevant event (see <c>Alpr.Edge.Contracts.DeviceEventKinds</c>).
/// The implementation stores it in the device store and the uplink publishes it on <c>alpr/v1/{deviceId}/event</c>.
/// Raising never throws and never blocks on the network.
/// </summary>
public interface IDeviceEvents
{
    /// <summary>Raises an event.</summary>
    /// <param name="kind">One of <c>DeviceEventKinds</c>.</param>
    /// <param name="severity"><c>info</c>, <c>warning</c> or <c>alarm</c>.</param>
    /// <param name="message">One human-readable line.</param>
    /// <param name="data">Machine-readable details, or null.</param>
    void Raise(string kind, string severity, string message, IReadOnlyDictionary<string, string>? data = null);
}
