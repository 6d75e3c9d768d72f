using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpr.Edge.Contracts;

/// <summary>Source-generated JSON for every wire message: camelCase names, enums as strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PlateReadMessage))]
[JsonSerializable(typeof(HotlistHitMessage))]
[JsonSerializable(typeof(ReadAcknowledgement))]
[JsonSerializable(typeof(DeviceEventMessage))]
[JsonSerializable(typeof(DeviceCommandMessage))]
[JsonSerializable(typeof(DeviceHealthMessage))]
[JsonSerializable(typeof(Signing.SignedMessage))]
public sealed partial class ContractsJson : JsonSerializerContext;
