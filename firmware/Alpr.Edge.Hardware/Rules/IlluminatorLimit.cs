namespace Alpr.Edge.Hardware.Rules;

/// <summary>The safety rule's verdict for one evaluation.</summary>
/// <param name="State">Which limit applies.</param>
/// <param name="MaxIntensity">Highest intensity allowed, 0 (off) to 1 (full).</param>
/// <param name="Reason">Plain words for logs and the self-test.</param>
public sealed record IlluminatorLimit(IlluminatorLimitState State, double MaxIntensity, string Reason)
{
    /// <summary>Whether the illuminator may be on at all.</summary>
    public bool AllowsLight => MaxIntensity > 0;
}
