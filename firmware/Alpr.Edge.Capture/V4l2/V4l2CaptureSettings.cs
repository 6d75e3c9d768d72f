namespace Alpr.Edge.Capture.V4l2;

/// <summary>What the source asks the camera for when it starts capturing.</summary>
/// <param name="Size">Frame size.</param>
/// <param name="Format">Pixel format.</param>
/// <param name="Exposure">Manual exposure (100 µs units), or null for the camera's automatic exposure.</param>
/// <param name="Gain">Gain, or null for the driver's default.</param>
public sealed record V4l2CaptureSettings(V4l2FrameSize Size, V4l2PixelFormat Format, int? Exposure, int? Gain);
