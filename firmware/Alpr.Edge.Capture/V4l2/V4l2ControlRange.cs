namespace Alpr.Edge.Capture.V4l2;

/// <summary>What the driver says a control accepts.</summary>
/// <param name="Minimum">Smallest value.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Default">The driver's default.</param>
public sealed record V4l2ControlRange(int Minimum, int Maximum, int Default)
{
    /// <summary>Whether <paramref name="value"/> is within the range.</summary>
    public bool Contains(int value) => value >= Minimum && value <= Maximum;
}
