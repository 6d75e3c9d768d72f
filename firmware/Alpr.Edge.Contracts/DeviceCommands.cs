namespace Alpr.Edge.Contracts;

/// <summary>The commands a device understands (<see cref="DeviceCommandMessage.Command"/>).</summary>
public static class DeviceCommands
{
    /// <summary>Keep matching records, present and future, past their ring time until released.</summary>
    public const string PlaceHold = "place-hold";

    /// <summary>Release a hold placed earlier.</summary>
    public const string ReleaseHold = "release-hold";
}
