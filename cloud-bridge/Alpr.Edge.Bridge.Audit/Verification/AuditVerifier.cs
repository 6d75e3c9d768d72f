using System.Globalization;
using System.Security.Cryptography;
using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Verification;

/// <summary>
/// Checks the audit trail: recomputes every entry's hash and the chain's links, checks every checkpoint's signature
/// (database and file) against the audit public key, and compares each checkpoint with the entry at its sequence.
/// Finds edited, inserted, deleted and reordered entries (hash or link broken, or sequence gap), a chain rewritten
/// from some entry on (checkpoint disagrees), and a rolled-back database (the file's checkpoints reach beyond it).
/// </summary>
public static class AuditVerifier
{
    private const int PageSize = 1_000;

    /// <summary>Verifies <paramref name="store"/>'s trail against <paramref name="publicKey"/> and the checkpoint <paramref name="file"/> (null: database checkpoints only).</summary>
    public static async Task<AuditVerification> VerifyAsync(
        IAuditStore store, ECDsa publicKey, AuditCheckpointFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(publicKey);
        var problems = new List<AuditProblem>();
        var fileProblems = new List<string>();
        var databaseCheckpoints = await store.GetAuditCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var fileCheckpoints = file is null ? [] : await file.ReadAsync(fileProblems, cancellationToken).ConfigureAwait(false);
        var wanted = databaseCheckpoints.Select(c => c.Sequence).Concat(fileCheckpoints.Select(c => c.Checkpoint.Sequence)).ToHashSet();
        var hashes = new Dictionary<long, string>();

        long entries = 0, expected = 1, last = 0;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            var page = await store.GetAuditEntriesAsync(last, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                entries++;
                if (entry.Sequence > expected)
                {
                    problems.Add(new(expected, entry.Sequence == expected + 1
                        ? $"sequence {expected}: missing (deleted): the chain goes from {expected - 1} to {entry.Sequence}"
                        : $"sequence {expected}-{entry.Sequence - 1}: missing (deleted): the chain goes from {expected - 1} to {entry.Sequence}"));
                }

                if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    problems.Add(new(entry.Sequence, entry.Sequence == expected
                        ? $"sequence {entry.Sequence}: its previous hash is not entry {entry.Sequence - 1}'s hash (an entry before it was inserted, replaced, deleted or moved)"
                        : $"sequence {entry.Sequence}: its previous hash is not the hash of the entry before it"));
                }

                if (!string.Equals(AuditHash.Compute(entry), entry.Hash, StringComparison.Ordinal))
                {
                    problems.Add(new(entry.Sequence, $"sequence {entry.Sequence}: its hash does not match its contents (edited, moved or forged entry: {Describe(entry)})"));
                }

                if (wanted.Contains(entry.Sequence))
                {
                    hashes[entry.Sequence] = entry.Hash;
                }

                previousHash = entry.Hash;
                expected = entry.Sequence + 1;
                last = entry.Sequence;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        foreach (var checkpoint in databaseCheckpoints)
        {
            CheckCheckpoint(checkpoint, "database", publicKey, hashes, last, problems);
        }

        foreach (var (line, checkpoint) in fileCheckpoints)
        {
            CheckCheckpoint(checkpoint, $"file line {line}", publicKey, hashes, last, problems);
        }

        problems.AddRange(fileProblems.Select(p => new AuditProblem(null, p)));
        if (file is not null && fileCheckpoints.Count == 0 && databaseCheckpoints.Count > 0)
        {
            problems.Add(new(null, $"checkpoint file {file.Path}: missing or empty, but the database holds {databaseCheckpoints.Count} checkpoints (deleted or replaced file?)"));
        }

        return new AuditVerification(entries, last, databaseCheckpoints.Count, fileCheckpoints.Count, problems);
    }

    private static void CheckCheckpoint(
        AuditCheckpoint checkpoint, string source, ECDsa publicKey, Dictionary<long, string> hashes, long last, List<AuditProblem> problems)
    {
        var at = checkpoint.At.ToString("O", CultureInfo.InvariantCulture);
        if (!AuditCheckpointSignature.Verify(checkpoint, publicKey))
        {
            problems.Add(new(checkpoint.Sequence, $"checkpoint at sequence {checkpoint.Sequence} ({source}, {at}): its signature does not verify with the audit key (forged or altered checkpoint)"));
            return;
        }

        if (checkpoint.Sequence > last)
        {
            problems.Add(new(checkpoint.Sequence, $"checkpoint at sequence {checkpoint.Sequence} ({source}, {at}): the database ends at sequence {last}; "
                + $"entries {last + 1}-{checkpoint.Sequence} are gone (database rolled back or its tail deleted)"));
        }
        else if (!hashes.TryGetValue(checkpoint.Sequence, out var hash))
        {
            problems.Add(new(checkpoint.Sequence, $"checkpoint at sequence {checkpoint.Sequence} ({source}, {at}): the database has no entry {checkpoint.Sequence}"));
        }
        else if (!string.Equals(hash, checkpoint.Hash, StringComparison.Ordinal))
        {
            problems.Add(new(checkpoint.Sequence, $"sequence {checkpoint.Sequence}: its hash differs from the signed checkpoint ({source}, {at}): "
                + $"the chain up to {checkpoint.Sequence} was rewritten or the database replaced by another copy"));
        }
    }

    private static string Describe(AuditEntry entry) =>
        $"{entry.At.ToString("O", CultureInfo.InvariantCulture)} {entry.User} {entry.Action} {entry.Outcome}";
}
