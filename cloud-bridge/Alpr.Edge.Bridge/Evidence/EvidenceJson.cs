using System.Text.Json;
using System.Text.Json.Serialization;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Evidence;

/// <summary>Source-generated JSON for evidence files: camelCase, indented for a reader, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(EvidenceManifest))]
[JsonSerializable(typeof(StoredRead))]
[JsonSerializable(typeof(StoredHit))]
internal sealed partial class EvidenceJson : JsonSerializerContext;
