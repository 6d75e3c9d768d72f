namespace Alpr.Edge.Recognition;

/// <summary>What recognition found in one image: plates best first, and how long each stage took.</summary>
public sealed record FrameRecognition
{
    /// <summary>Plates, best first.</summary>
    public required IReadOnlyList<PlateReading> Plates { get; init; }

    /// <summary>Milliseconds spent in each stage (detect, recognise...).</summary>
    public IReadOnlyDictionary<string, double> StageMilliseconds { get; init; } = new Dictionary<string, double>();
}
