namespace Alpr.Edge.Capture.V4l2;

/// <summary>A frame size a camera offers.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct V4l2FrameSize(int Width, int Height)
{
    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}
