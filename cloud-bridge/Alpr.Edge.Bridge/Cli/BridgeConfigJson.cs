using System.Text.Json;
using System.Text.Json.Serialization;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>Strict JSON for the <c>--config</c> file: unknown keys are errors; comments and trailing commas are allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BridgeOptions))]
internal sealed partial class BridgeConfigJson : JsonSerializerContext;
