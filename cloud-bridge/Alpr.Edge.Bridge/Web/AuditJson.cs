using System.Text.Json;
using System.Text.Json.Serialization;
using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>Source-generated JSON for the audit endpoints: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
[JsonSerializable(typeof(IReadOnlyList<AuditCheckpoint>))]
[JsonSerializable(typeof(AuditReport))]
public sealed partial class AuditJson : JsonSerializerContext;
