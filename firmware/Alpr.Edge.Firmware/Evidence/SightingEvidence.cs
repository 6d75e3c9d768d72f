namespace Alpr.Edge.Firmware.Evidence;

/// <summary>What a read keeps of its best sighting besides the text: the images and what recognising that frame cost.</summary>
/// <param name="Images">Plate crop and overview, or null when images are not kept.</param>
/// <param name="StageMilliseconds">Milliseconds per recognition stage (detect, crop, recognize, post) on that frame.</param>
public sealed record SightingEvidence(SightingImages? Images, IReadOnlyDictionary<string, double> StageMilliseconds);
