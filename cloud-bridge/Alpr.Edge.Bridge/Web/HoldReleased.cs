using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>The answer to <c>POST /api/holds/{id}/release</c>: the hold, and how its release reached the devices.</summary>
/// <param name="Hold">The hold released.</param>
/// <param name="ReleasedOn">Devices whose broker took the <c>release-hold</c> command, or that had released it already.</param>
/// <param name="NotReleased">One line per device, or for the hold, that did not get it; the bridge retries these.</param>
public sealed record HoldReleased(LegalHold Hold, IReadOnlyList<string> ReleasedOn, IReadOnlyList<string> NotReleased);
