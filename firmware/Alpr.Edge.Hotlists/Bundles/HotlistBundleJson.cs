using System.Text.Json.Serialization;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>Source-generated, strict JSON for bundles: unknown members, missing required ones and nulls in non-nullable ones are errors.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(HotlistBundleEnvelope))]
[JsonSerializable(typeof(HotlistDocument))]
internal sealed partial class HotlistBundleJson : JsonSerializerContext;
