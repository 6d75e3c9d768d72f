using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpr.Edge.Recognition.Models;

/// <summary>Source-generated, strict JSON reading of <see cref="ModelManifest"/>: unknown keys are errors.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
