using System.Diagnostics;
using System.Globalization;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Storage;

/// <summary>
/// Kills a writing process (<c>alpr-edge store crash-writer</c>) with SIGKILL at random points, many times, on
/// one store; after every kill the store must open, pass <c>integrity_check</c>, and hold (and decrypt) every
/// record the writer reported committed, with every reported acknowledgement in place.
/// <c>ALPR_CRASH_KILLS</c> sets the number of kills (default 100; scripts/soak-store runs more).
/// </summary>
public sealed class StoreCrashTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-crash-").FullName;

    [Fact]
    public async Task Killing_the_writer_at_random_points_never_loses_a_committed_record_or_breaks_the_file()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("ALPR_CRASH_KILLS"), CultureInfo.InvariantCulture, out var n) ? n : 100;
        var random = new Random(20260301);
        var committed = new HashSet<Guid>();
        var acked = new HashSet<Guid>();
        var watch = Stopwatch.StartNew();
        for (var kill = 0; kill < kills; kill++)
        {
            // 0 kills during start-up (opening, first key, migration); otherwise after that many commits, mid-write.
            var target = random.Next(0, 30);
            using (var writer = StartWriter(kill))
            {
                using var timeout = new CancellationTokenSource(Patience);
                var seen = 0;
                while (seen < target)
                {
                    var line = await writer.StandardOutput.ReadLineAsync(timeout.Token);
                    if (line is null)
                    {
                        Assert.Fail($"writer exited early: {await writer.StandardError.ReadToEndAsync(timeout.Token)}");
                    }

                    seen += Record(line, committed, acked);
                }

                writer.Kill();
                await writer.WaitForExitAsync(timeout.Token);
                while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
                {
                    Record(rest, committed, acked);
                }
            }

            using var store = EncryptedStore.Open(
                new EncryptedStoreOptions { DataDirectory = _directory, DeviceId = "crash-pole", Ring = new RingOptions { DiskBudgetBytes = 1L << 40 } },
                TimeProvider.System);
            var report = store.Verify();
            Assert.True(report.Ok, $"after kill {kill}: {string.Join("; ", report.IntegrityErrors.Concat(report.Unreadable.Select(u => $"{u.Id}: {u.Reason}")))}");
            Assert.Equal(report.RecordsChecked, store.Count(RecordKind.Read).NotSent + store.Count(RecordKind.Read).InFlight + store.Count(RecordKind.Read).Acked
                + store.Count(RecordKind.Hit).NotSent + store.Count(RecordKind.Hit).InFlight + store.Count(RecordKind.Hit).Acked);
            foreach (var id in committed)
            {
                Assert.True(store.TryRead(id, out _), $"after kill {kill}: record {id} was reported committed but is missing or unreadable");
            }

            foreach (var id in acked)
            {
                Assert.Equal(TransferState.Acked, store.GetState(id));
            }
        }

        output.WriteLine($"{kills} kills, {committed.Count} committed records and {acked.Count} acknowledgements checked in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(committed.Count > kills, "the writer committed too little to test anything");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int Record(string line, HashSet<Guid> committed, HashSet<Guid> acked)
    {
        // The kill can cut the last line short; a record whose line was cut is committed but cannot be named.
        if (line.Length < 2 || !Guid.TryParse(line.AsSpan(2), out var id))
        {
            return 0;
        }

        if (line.StartsWith("C ", StringComparison.Ordinal))
        {
            committed.Add(id);
            return 1;
        }

        if (line.StartsWith("A ", StringComparison.Ordinal))
        {
            acked.Add(id);
            return 1;
        }

        return 0;
    }

    private Process StartWriter(int seed) => AlprEdgeProcess.Start(
        ["store", "crash-writer", "--data", _directory, "--seed", seed.ToString(CultureInfo.InvariantCulture)],
        new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" });
}
