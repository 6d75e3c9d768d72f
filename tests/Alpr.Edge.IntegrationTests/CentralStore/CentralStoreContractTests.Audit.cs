using System.Data.Common;
using System.Text.Json;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Audit.Verification;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Keys;
using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// The audit chain on each engine: append-only at the database, gap-free under concurrent appends, never purged, and
/// every tamper a database administrator could do (with the triggers dropped or disabled first) caught by
/// <c>alpr-bridge audit verify</c>, which names the sequence.
/// </summary>
public abstract partial class CentralStoreContractTests
{
    private IAuditStore Audit => CentralStores.AuditOf(Store);

    /// <summary>The data folder the audit key and checkpoint file go in (for the SQLite store, the one holding bridge.db).</summary>
    protected abstract string AuditDataDirectory { get; }

    /// <summary>The config file's <c>storage</c> object for this store, or null for the default (SQLite in the data folder).</summary>
    protected abstract object? StorageConfig { get; }

    /// <summary>Runs SQL as the database's administrator (owner or superuser), outside the store.</summary>
    protected abstract Task ExecuteAsAdministratorAsync(string sql);

    /// <summary>What an administrator runs to take the append-only triggers off the audit tables.</summary>
    protected abstract string DisableAuditTriggersSql { get; }

    /// <summary>Takes a copy of the database as it is now; the function returned puts it back (an older backup restored).</summary>
    protected abstract Task<Func<Task>> SnapshotAsync();

    /// <summary>Closes <see cref="Store"/> and opens the database again (after the database was replaced under it).</summary>
    protected async Task ReopenAsync()
    {
        if (_store is not null)
        {
            await CentralStores.CloseAsync(_store);
        }

        _store = ReopenStore();
        await _store.InitializeAsync(None);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_by_the_store_s_own_connection()
    {
        using var chain = Chain();
        await chain.AppendAsync(4);

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsAdministratorAsync("UPDATE audit_entries SET user_name = 'someone else' WHERE sequence = 2;"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsAdministratorAsync("DELETE FROM audit_entries WHERE sequence = 3;"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsAdministratorAsync("DELETE FROM audit_checkpoints;"));

        Assert.Equal([1L, 2L, 3L, 4L], (await Audit.GetAuditEntriesAsync(0, 10, None)).Select(e => e.Sequence));
        Assert.Single(await Audit.GetAuditCheckpointsAsync(None));
        Assert.Equal("user2", (await Audit.GetAuditEntriesAsync(1, 1, None))[0].User);
    }

    [Fact]
    public async Task Intact_chain_verifies_with_its_checkpoints_in_the_database_and_the_file()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await chain.Checkpointer.CheckpointAsync(None);

        var entries = await Audit.GetAuditEntriesAsync(0, 100, None);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, entries[0].PreviousHash);
        Assert.All(entries.Skip(1), (e, i) => Assert.Equal(entries[i].Hash, e.PreviousHash));
        Assert.Equal([4L, 8L, 10L], (await Audit.GetAuditCheckpointsAsync(None)).Select(c => c.Sequence));
        Assert.Equal(3, (await File.ReadAllLinesAsync(chain.File.Path)).Length);
        Assert.Null(await chain.Checkpointer.CheckpointAsync(None));

        var (exitCode, output) = await VerifyCliAsync(chain);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("audit trail intact: 10 entries (last sequence 10), 3 checkpoints in the database, 3 in ", output, StringComparison.Ordinal);
        Assert.Equal(AuditedAction(), (await Audit.GetRecentAuditEntriesAsync(1, None))[0].Action);
    }

    [Fact]
    public async Task Edited_entry_is_caught_at_its_sequence()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET case_number = 'C-999' WHERE sequence = 5;");

        var problems = await VerifyBrokenAsync(chain);

        Assert.Contains(problems, p => p.StartsWith("sequence 5: its hash does not match its contents", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("sequence 6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edited_and_rehashed_entry_is_caught_by_the_next_link_and_a_rewritten_tail_by_the_checkpoint()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);

        // The administrator knows the algorithm: entry 5 edited and given a hash that matches its new contents.
        var fifth = (await Audit.GetAuditEntriesAsync(4, 1, None))[0] with { User = "someone else" };
        await ExecuteAsAdministratorAsync($"UPDATE audit_entries SET user_name = 'someone else', hash = '{AuditHash.Compute(fifth)}' WHERE sequence = 5;");
        Assert.Contains(await VerifyBrokenAsync(chain), p => p.StartsWith("sequence 6: its previous hash is not entry 5's hash", StringComparison.Ordinal));

        // ...and then every later entry re-linked and rehashed too: only the signed checkpoints (8 and 10) can tell.
        var previous = AuditHash.Compute(fifth);
        foreach (var entry in (await Audit.GetAuditEntriesAsync(5, 100, None)).ToList())
        {
            var relinked = entry with { PreviousHash = previous };
            previous = AuditHash.Compute(relinked);
            await ExecuteAsAdministratorAsync($"UPDATE audit_entries SET previous_hash = '{relinked.PreviousHash}', hash = '{previous}' WHERE sequence = {entry.Sequence};");
        }

        var problems = await VerifyBrokenAsync(chain);
        Assert.Contains(problems, p => p.StartsWith("sequence 8: its hash differs from the signed checkpoint (database", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sequence 8: its hash differs from the signed checkpoint (file line 2", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("does not match its contents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleted_entry_is_caught_at_its_sequence()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);
        await ExecuteAsAdministratorAsync("DELETE FROM audit_entries WHERE sequence = 5;");

        var problems = await VerifyBrokenAsync(chain);

        Assert.Contains("sequence 5: missing (deleted): the chain goes from 4 to 6", problems, StringComparer.Ordinal);
        Assert.Contains(problems, p => p.StartsWith("sequence 6: its previous hash is not the hash of the entry before it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inserted_forged_entry_is_caught_at_its_sequence()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);

        // Entries 6-10 moved up one, and a forged search slipped in at 6, linked to entry 5.
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET sequence = sequence + 1000 WHERE sequence >= 6;");
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET sequence = sequence - 999 WHERE sequence > 1000;");
        await ExecuteAsAdministratorAsync("""
            INSERT INTO audit_entries (sequence, at, user_name, agency, remote_address, action, outcome, purpose, case_number, target, detail, previous_hash, hash)
            SELECT 6, at, 'det.forger', agency, remote_address, action, outcome, 'alibi', 'C-77', target, detail, hash, hash FROM audit_entries WHERE sequence = 5;
            """);

        var problems = await VerifyBrokenAsync(chain);

        Assert.True(problems.Any(p => p.StartsWith("sequence 6: its hash does not match its contents", StringComparison.Ordinal) && p.Contains("det.forger", StringComparison.Ordinal)), string.Join('\n', problems));
        Assert.Contains(problems, p => p.StartsWith("sequence 7: its hash does not match its contents", StringComparison.Ordinal) && p.Contains("user6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forged_entry_appended_after_the_head_is_caught()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync("""
            INSERT INTO audit_entries (sequence, at, user_name, agency, remote_address, action, outcome, purpose, case_number, target, detail, previous_hash, hash)
            SELECT 11, at, 'det.forger', agency, remote_address, action, outcome, purpose, case_number, target, detail, hash, hash FROM audit_entries WHERE sequence = 10;
            """);

        var problems = await VerifyBrokenAsync(chain);

        Assert.Contains(problems, p => p.StartsWith("sequence 11: its hash does not match its contents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reordered_entries_are_caught_at_both_sequences()
    {
        using var chain = Chain();
        await chain.AppendAsync(10);
        await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET sequence = 1000 WHERE sequence = 3;");
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET sequence = 3 WHERE sequence = 4;");
        await ExecuteAsAdministratorAsync("UPDATE audit_entries SET sequence = 4 WHERE sequence = 1000;");

        var problems = await VerifyBrokenAsync(chain);

        Assert.Contains(problems, p => p.StartsWith("sequence 3: its previous hash is not entry 2's hash", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sequence 3: its hash does not match its contents", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sequence 4: its hash does not match its contents", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sequence 4: its previous hash is not entry 3's hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Older_copy_of_the_database_restored_is_caught_by_the_file_s_checkpoints()
    {
        using var chain = Chain();
        await chain.AppendAsync(8);
        var restore = await SnapshotAsync();
        await chain.AppendAsync(4, firstUser: 9);
        Assert.Equal([4L, 8L, 12L], (await Audit.GetAuditCheckpointsAsync(None)).Select(c => c.Sequence));

        await restore();

        Assert.Equal(8, (await Audit.GetAuditHeadAsync(None)).Sequence);
        var problems = await VerifyBrokenAsync(chain);
        Assert.Contains(problems, p => p.StartsWith("checkpoint at sequence 12 (file line 3,", StringComparison.Ordinal)
            && p.Contains("the database ends at sequence 8; entries 9-12 are gone (database rolled back or its tail deleted)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forged_checkpoint_signature_is_caught()
    {
        using var chain = Chain();
        await chain.AppendAsync(4);
        var line = (await File.ReadAllLinesAsync(chain.File.Path)).Single();
        var forged = line.Replace("\"sequence\":4", "\"sequence\":40", StringComparison.Ordinal);
        await File.AppendAllLinesAsync(chain.File.Path, [forged]);

        var problems = await VerifyBrokenAsync(chain);

        var problem = Assert.Single(problems);
        Assert.StartsWith("checkpoint at sequence 40 (file line 2, ", problem, StringComparison.Ordinal);
        Assert.EndsWith("its signature does not verify with the audit key (forged or altered checkpoint)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_checkpoint_file_is_caught()
    {
        using var chain = Chain();
        await chain.AppendAsync(8);
        File.Delete(chain.File.Path);

        var problem = Assert.Single(await VerifyBrokenAsync(chain));

        Assert.Equal($"checkpoint file {chain.File.Path}: missing or empty, but the database holds 2 checkpoints (deleted or replaced file?)", problem);
    }

    [Fact]
    public async Task Concurrent_appends_from_two_bridges_form_one_gap_free_chain()
    {
        var other = ReopenStore();
        await other.InitializeAsync(None);
        try
        {
            using var first = Chain();
            using var second = new AuditChain(CentralStores.AuditOf(other), AuditDataDirectory, checkpointEvery: 7);
            var appends = Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).AppendAsync(10, firstUser: i * 10)));

            await Task.WhenAll(appends);

            var entries = await Audit.GetAuditEntriesAsync(0, 1000, None);
            Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Equal(80, entries.Select(e => e.User).Distinct().Count());
            using var publicKey = AuditKey.LoadPublic(AuditKey.In(AuditDataDirectory).PublicPath);
            var result = await AuditVerifier.VerifyAsync(Audit, publicKey, first.File, None);
            Assert.Empty(result.Problems);
        }
        finally
        {
            await CentralStores.CloseAsync(other);
        }
    }

    [Fact]
    public async Task Retention_purge_leaves_every_audit_entry()
    {
        using var chain = Chain();
        await chain.AppendAsync(5);
        await Store.AddReadAsync(Read(capturedAt: Noon.AddYears(-2)), Noon, None);

        var purge = await Store.PurgeReadsAsync(DateTimeOffset.UtcNow.AddYears(1), DateTimeOffset.UtcNow, None);

        Assert.Equal(1, purge.Purged);
        Assert.Equal(5, (await Audit.GetAuditEntriesAsync(0, 100, None)).Count);
        Assert.Equal(ExitCodes.Success, (await VerifyCliAsync(chain)).ExitCode);
    }

    private static string AuditedAction() => Alpr.Edge.Bridge.Holds.AuditedAction.AuditVerified;

    private AuditChain Chain() => new(Audit, AuditDataDirectory, checkpointEvery: 4);

    private async Task<IReadOnlyList<string>> VerifyBrokenAsync(AuditChain chain)
    {
        var (exitCode, output) = await VerifyCliAsync(chain);
        Assert.Equal(ExitCodes.Failure, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("audit trail NOT intact: ", lines[^1], StringComparison.Ordinal);
        return lines[..^1];
    }

    /// <summary>Runs <c>alpr-bridge audit verify --config FILE --checkpoints FILE</c> on this store; exit code and output, never a stack trace.</summary>
    private async Task<(int ExitCode, string Output)> VerifyCliAsync(AuditChain chain)
    {
        var config = Path.Combine(AuditDataDirectory, "bridge.json");
        var settings = new Dictionary<string, object> { ["dataDirectory"] = AuditDataDirectory };
        if (StorageConfig is { } storage)
        {
            settings["storage"] = storage;
        }

        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(settings));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(["audit", "verify", "--config", config, "--checkpoints", chain.File.Path], output, error, None);
        Assert.Equal(string.Empty, error.ToString());
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
        return (exitCode, output.ToString());
    }
}
