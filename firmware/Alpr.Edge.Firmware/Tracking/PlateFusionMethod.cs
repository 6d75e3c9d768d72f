namespace Alpr.Edge.Firmware.Tracking;

/// <summary>How a track's sightings become the text of its read (config <c>Tracking:Fusion</c>).</summary>
public enum PlateFusionMethod
{
    /// <summary>
    /// The characters of every sighting aligned to a reference and voted per position, weighted by per-character
    /// confidence (<see cref="PlateTextFusion.Vote(IReadOnlyList{Alpr.Edge.Recognition.PlateReading})"/>); the default.
    /// The text may be one that no single frame read.
    /// </summary>
    Vote,

    /// <summary>The text most sightings read whole, ties broken by the higher summed confidence (the tracker before fusion).</summary>
    Majority,

    /// <summary>The text of the single most confident sighting.</summary>
    BestFrame,
}
