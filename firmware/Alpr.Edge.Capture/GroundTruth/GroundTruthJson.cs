using System.Text.Json;

namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>Reads and writes the <c>NAME.json</c> ground-truth file written beside a simulated frame.</summary>
public static class GroundTruthJson
{
    /// <summary>The ground truth as indented camelCase JSON.</summary>
    public static string Serialize(FrameGroundTruth truth) =>
        JsonSerializer.Serialize(truth, GroundTruthJsonContext.Default.FrameGroundTruth);

    /// <summary>Parses a ground-truth document; throws <see cref="JsonException"/> when it is not one.</summary>
    public static FrameGroundTruth Deserialize(string json) =>
        JsonSerializer.Deserialize(json, GroundTruthJsonContext.Default.FrameGroundTruth)
        ?? throw new JsonException("ground truth document is null");

    /// <summary>Reads a ground-truth file.</summary>
    public static async Task<FrameGroundTruth> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync(stream, GroundTruthJsonContext.Default.FrameGroundTruth, cancellationToken)
                ?? throw new JsonException($"ground truth file '{path}' is null");
        }
    }
}
