using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Keys;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// A chained audit trail over a store as the bridge builds it: the audit key in <c>dataDirectory</c> (created on first
/// use), checkpoints every <c>checkpointEvery</c> entries to the database and <c>audit-checkpoints.jsonl</c>.
/// </summary>
internal sealed class AuditChain : IDisposable
{
    public AuditChain(IAuditStore store, string dataDirectory, int checkpointEvery)
    {
        File = new AuditCheckpointFile(Path.Combine(dataDirectory, "audit-checkpoints.jsonl"));
        Checkpointer = new AuditCheckpointer(store, AuditKey.LoadOrCreate(dataDirectory), File, TimeProvider.System, NullLogger<AuditCheckpointer>.Instance);
        Trail = new ChainedAuditTrail(store, TimeProvider.System, NullLogger<ChainedAuditTrail>.Instance, Checkpointer, checkpointEvery);
    }

    public AuditCheckpointFile File { get; }

    public AuditCheckpointer Checkpointer { get; }

    public ChainedAuditTrail Trail { get; }

    /// <summary>Appends <paramref name="count"/> searches by user1, user2, ... (case C-1, C-2, ...).</summary>
    public async Task AppendAsync(int count, int firstUser = 1)
    {
        for (var i = firstUser; i < firstUser + count; i++)
        {
            await Trail.AppendAsync(
                new AuditEvent($"user{i}", "CA0190000", "10.0.0.7", "reads.search", "ok", "case work", $"C-{i}", "/api/reads?plate=7ABC123", "results=3"),
                CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Trail.Dispose();
        Checkpointer.Dispose();
    }
}
