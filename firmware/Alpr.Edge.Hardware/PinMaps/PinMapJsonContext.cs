using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>Source-generated JSON metadata of the pin-map files (camelCase, kebab-case enum names, no comments or trailing commas).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(PinMap))]
public sealed partial class PinMapJsonContext : JsonSerializerContext;
