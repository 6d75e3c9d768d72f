using Alpr.Edge.Bridge.Evidence;

namespace Alpr.Edge.Bridge.Web;

/// <summary>The answer to <c>POST /api/evidence/exports</c>: where the export was written, and its manifest.</summary>
/// <param name="Folder">The folder on the bridge's machine.</param>
/// <param name="Manifest">The signed manifest.</param>
public sealed record EvidenceExported(string Folder, EvidenceManifest Manifest);
