namespace Alpr.Edge.Bridge.Holds;

/// <summary>What pushing a hold, or its release, to the devices came to.</summary>
/// <param name="PushedTo">Devices whose broker took the command.</param>
/// <param name="NotPushed">One line per device, or for the hold, that did not get it, saying why.</param>
public sealed record HoldPushResult(IReadOnlyList<string> PushedTo, IReadOnlyList<string> NotPushed)
{
    /// <summary>Devices that needed nothing sent: for a release, those whose events show it released already.</summary>
    public IReadOnlyList<string> AlreadyApplied { get; init; } = [];
}
