using System.Globalization;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// What a device's <c>hold</c> events say of one central hold pushed to it: the device's own id of the hold when it
/// placed it, and whether it has released it since.
/// </summary>
/// <param name="DeviceHoldId">The device's id of the hold, or null when no event shows it placed.</param>
/// <param name="Released">Whether an event shows the device released it.</param>
public sealed record DeviceHoldState(long? DeviceHoldId, bool Released)
{
    /// <summary>Reads <paramref name="holdEvents"/> (the device's <c>hold</c> events) for central hold <paramref name="holdId"/>.</summary>
    public static DeviceHoldState Of(Guid holdId, string deviceId, IEnumerable<DeviceEventMessage> holdEvents)
    {
        ArgumentNullException.ThrowIfNull(holdEvents);
        var events = holdEvents.Where(e => e.DeviceId == deviceId && e.Kind == DeviceEventKinds.Hold).ToList();
        var placedBy = HoldCommandIds.Place(holdId, deviceId).ToString("D");
        var placed = events.FirstOrDefault(e => Value(e, "action") == "placed" && Value(e, "commandId") == placedBy);
        if (placed is null || !long.TryParse(Value(placed, "holdId"), NumberStyles.None, CultureInfo.InvariantCulture, out var deviceHoldId))
        {
            return new DeviceHoldState(null, false);
        }

        var id = deviceHoldId.ToString(CultureInfo.InvariantCulture);
        return new DeviceHoldState(deviceHoldId, events.Any(e => Value(e, "action") == "released" && Value(e, "holdId") == id));
    }

    private static string? Value(DeviceEventMessage deviceEvent, string key) => deviceEvent.Data.GetValueOrDefault(key);
}
