namespace Alpr.Edge.Firmware.Evidence;

/// <summary>The JPEGs taken from one sighting: the plate crop and the frame's overview.</summary>
/// <param name="PlateCropJpeg">The plate with a margin, at full resolution.</param>
/// <param name="OverviewJpeg">The whole frame, scaled down and size-limited.</param>
public sealed record SightingImages(ReadOnlyMemory<byte> PlateCropJpeg, ReadOnlyMemory<byte> OverviewJpeg);
