using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// Which devices a central hold concerns and the <c>place-hold</c> command each gets. A device hold names exactly one
/// of a plate or a time window, so a central hold with a plate becomes a plate hold (broader than a plate within a
/// window: the device keeps more, never less) and one with only a window becomes a window hold. The hold's device, or
/// every device the bridge has heard from when it names none. A hold on a device alone cannot be expressed on the
/// device and is not pushed. Command ids come from <see cref="HoldCommandIds"/>, so the release can find the device's hold.
/// </summary>
public static class HoldPush
{
    /// <summary>The commands for <paramref name="hold"/>, or an empty list with <paramref name="notPushed"/> saying why.</summary>
    public static IReadOnlyList<(string DeviceId, DeviceCommandMessage Command)> Commands(
        LegalHold hold, IEnumerable<string> knownDevices, DateTimeOffset now, out string? notPushed)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(knownDevices);
        HoldSpec spec;
        if (hold.Plate is { } plate)
        {
            spec = new HoldSpec { Plate = plate };
        }
        else if (hold.From is { } from && hold.To is { } to)
        {
            spec = new HoldSpec { From = from, To = to };
        }
        else
        {
            notPushed = "a device hold needs a plate or a whole time window (from and to); this hold is kept at the bridge only";
            return [];
        }

        var devices = hold.DeviceId is { } device ? [device] : knownDevices.Distinct(StringComparer.Ordinal).ToList();
        notPushed = devices.Count == 0 ? "no device has been heard from yet" : null;
        return [.. devices.Select(d => (d, new DeviceCommandMessage
        {
            Id = HoldCommandIds.Place(hold.Id, d),
            Command = DeviceCommands.PlaceHold,
            Hold = spec,
            Reason = $"case {hold.CaseNumber}: {hold.Reason}",
            RequestedBy = hold.PlacedBy,
            IssuedAt = now,
        }))];
    }
}
