namespace Alpr.Edge.Storage.Evidence;

/// <summary>
/// What a read carries besides its wire message: the plate crop and overview JPEGs and the site's
/// position. All of it is stored only inside the record's encrypted blobs.
/// </summary>
public sealed record ReadEvidence
{
    /// <summary>An empty evidence set (no images, no position).</summary>
    public static ReadEvidence None { get; } = new();

    /// <summary>JPEG of the plate crop, if kept.</summary>
    public ReadOnlyMemory<byte> PlateCropJpeg { get; init; }

    /// <summary>JPEG of the overview frame, if kept.</summary>
    public ReadOnlyMemory<byte> OverviewJpeg { get; init; }

    /// <summary>The site's position, if known.</summary>
    public GeoPosition? Site { get; init; }

    /// <summary>True when there is at least one image.</summary>
    public bool HasImages => !PlateCropJpeg.IsEmpty || !OverviewJpeg.IsEmpty;
}
