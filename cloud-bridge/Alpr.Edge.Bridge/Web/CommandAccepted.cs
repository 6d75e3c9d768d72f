namespace Alpr.Edge.Bridge.Web;

/// <summary>A command handed to the broker for a device; the device's answer arrives as a device event naming <paramref name="CommandId"/>.</summary>
/// <param name="CommandId">The command's id.</param>
/// <param name="DeviceId">The device it was sent to.</param>
/// <param name="Command">What was asked.</param>
public sealed record CommandAccepted(Guid CommandId, string DeviceId, string Command);
