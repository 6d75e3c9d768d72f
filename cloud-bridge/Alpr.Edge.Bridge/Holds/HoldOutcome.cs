using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>What a hold action did: the hold, or why nothing was done (one line).</summary>
/// <param name="Hold">The hold placed or released, when it was done.</param>
/// <param name="Failure">Why it was not done, or <see cref="HoldFailure.None"/>.</param>
/// <param name="Error">One line saying why, when it was not done.</param>
public sealed record HoldOutcome(LegalHold? Hold, HoldFailure Failure, string? Error)
{
    internal static HoldOutcome Done(LegalHold hold) => new(hold, HoldFailure.None, null);

    internal static HoldOutcome Failed(HoldFailure failure, string error) => new(null, failure, error);
}
