using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>The answer to <c>POST /api/holds</c>: the hold, the devices it was pushed to, and why it was not pushed elsewhere.</summary>
/// <param name="Hold">The hold placed.</param>
/// <param name="PushedTo">Devices whose broker took the <c>place-hold</c> command.</param>
/// <param name="NotPushed">One line per device, or for the hold, that did not get it.</param>
public sealed record HoldPlaced(LegalHold Hold, IReadOnlyList<string> PushedTo, IReadOnlyList<string> NotPushed);
