using System.Text.Json.Serialization;

namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>Source-generated JSON metadata for the ground-truth files (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FrameGroundTruth))]
public sealed partial class GroundTruthJsonContext : JsonSerializerContext;
