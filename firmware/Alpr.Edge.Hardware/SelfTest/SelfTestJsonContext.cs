using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.SelfTest;

/// <summary>Source-generated JSON metadata of the self-test output (camelCase, indented, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelfTestDocument))]
public sealed partial class SelfTestJsonContext : JsonSerializerContext;
