using System.Text.Json.Serialization;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>Source-generated JSON for the <c>--json</c> output lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReadOutputLine))]
internal sealed partial class ReadOutputJson : JsonSerializerContext;
