using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge.Audit;

/// <summary>The periodic checkpoint on a fake clock, against a real SQLite store, and the audit key it creates.</summary>
public sealed class AuditCheckpointServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Checkpoint_is_signed_at_start_and_every_interval_only_when_entries_were_appended()
    {
        await using var database = await TempDatabase.CreateAsync();
        var data = Path.GetDirectoryName(database.DatabasePath)!;
        var clock = new FakeTimeProvider(TestRecords.Noon);
        var file = new AuditCheckpointFile(Path.Combine(data, "checkpoints.jsonl"));
        using var checkpointer = new AuditCheckpointer(database.Store, AuditKey.LoadOrCreate(data), file, clock, NullLogger<AuditCheckpointer>.Instance);
        using var trail = new ChainedAuditTrail(database.Store, clock, NullLogger<ChainedAuditTrail>.Instance, checkpointer, checkpointEveryEntries: 100);
        var options = Options.Create(new BridgeOptions { DataDirectory = data, AuditCheckpointEvery = TimeSpan.FromMinutes(5) });
        using var service = new AuditCheckpointService(checkpointer, options, clock, NullLogger<AuditCheckpointService>.Instance);
        await trail.AppendAsync(new AuditEvent("det.reyes", "CA0190000", "10.0.0.7", "reads.search", "ok"), CancellationToken.None);
        await trail.AppendAsync(new AuditEvent("det.reyes", "CA0190000", "10.0.0.7", "reads.search", "ok"), CancellationToken.None);

        await service.StartAsync(CancellationToken.None);
        await WaitForCheckpointsAsync(database, 1);
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.Single(await database.Store.GetAuditCheckpointsAsync(CancellationToken.None));
        await trail.AppendAsync(new AuditEvent("sgt.lee", null, null, "hit.verify", "ok"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForCheckpointsAsync(database, 2);
        await service.StopAsync(CancellationToken.None);

        var checkpoints = await database.Store.GetAuditCheckpointsAsync(CancellationToken.None);
        Assert.Equal([2L, 3L], checkpoints.Select(c => c.Sequence));
        Assert.Equal(TestRecords.Noon.AddMinutes(10), checkpoints[1].At);
        Assert.Equal(checkpoints.Select(AuditCheckpointFile.ToLine), await File.ReadAllLinesAsync(file.Path));
        using var publicKey = AuditKey.LoadPublic(AuditKey.In(data).PublicPath);
        Assert.All(checkpoints, c => Assert.True(AuditCheckpointSignature.Verify(c, publicKey)));
    }

    [Fact]
    public void Audit_key_is_created_on_first_use_owner_only_and_loaded_after()
    {
        var data = Directory.CreateTempSubdirectory("alpr-audit-key-").FullName;
        try
        {
            using var first = AuditKey.LoadOrCreate(data);
            using var again = AuditKey.LoadOrCreate(data);

            Assert.Equal(first.KeyId, again.KeyId);
            Assert.True(File.Exists(AuditKey.In(data).PublicPath));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuditKey.In(data).PrivatePath));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, "00:05:00", null, "auditCheckpointEveryEntries: 0 must be 1 to 1000000")]
    [InlineData(100, "00:00:00", null, "auditCheckpointEvery: must be a positive duration")]
    [InlineData(100, "00:05:00", "/nonexistent-alpr-folder/checkpoints.jsonl", "auditCheckpointFile: folder '/nonexistent-alpr-folder' does not exist")]
    [InlineData(100, "00:05:00", "/tmp", "auditCheckpointFile: '/tmp' is a folder")]
    public void Audit_settings_are_checked_at_start_naming_the_key(int everyEntries, string every, string? file, string expected)
    {
        var options = new BridgeOptions
        {
            AuditCheckpointEveryEntries = everyEntries,
            AuditCheckpointEvery = TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture),
            AuditCheckpointFile = file,
        };

        var failure = Assert.Single(new BridgeOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_file_defaults_to_the_data_folder()
    {
        Assert.Equal(Path.Combine("/srv/alpr", "audit-checkpoints.jsonl"), new BridgeOptions { DataDirectory = "/srv/alpr" }.ResolveAuditCheckpointFile());
        Assert.Equal("/var/log/alpr/c.jsonl", new BridgeOptions { AuditCheckpointFile = "/var/log/alpr/c.jsonl" }.ResolveAuditCheckpointFile());
    }

    private static async Task WaitForCheckpointsAsync(TempDatabase database, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await database.Store.GetAuditCheckpointsAsync(CancellationToken.None)).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {count} checkpoints within {Patience}");
            await Task.Delay(20);
        }
    }
}
