namespace Alpr.Edge.Firmware.Evidence;

/// <summary>
/// The images kept with every read (sealed in the device store with it): a crop of the plate and a downscaled
/// overview of the frame, both JPEG, both taken from the track's best sighting of the text it reports.
/// </summary>
public sealed class EvidenceOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Evidence";

    /// <summary>Keep images with reads (false keeps text, boxes and times only).</summary>
    public bool KeepImages { get; set; } = true;

    /// <summary>Margin around the plate box in the crop, as a share of the box's width and height.</summary>
    public double CropMargin { get; set; } = 0.25;

    /// <summary>JPEG quality of the plate crop (1-100).</summary>
    public int CropQuality { get; set; } = 90;

    /// <summary>Longest side of the overview in pixels; larger frames are scaled down.</summary>
    public int OverviewMaxSide { get; set; } = 1280;

    /// <summary>JPEG quality of the overview (1-100), lowered step by step while it exceeds <see cref="OverviewMaxBytes"/>.</summary>
    public int OverviewQuality { get; set; } = 75;

    /// <summary>Largest overview kept, in bytes; the ring is sized for 20 KB images per read.</summary>
    public int OverviewMaxBytes { get; set; } = 150_000;
}
