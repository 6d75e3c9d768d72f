using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Matching;

namespace Alpr.Edge.Benchmarks;

/// <summary>
/// Hot-list figures on this machine: build time and managed memory of a 1,000,000-entry index (10,000 of them
/// partial patterns), then the time to match one read with five alternatives (median, p95, p99), alone and while
/// a new list is verified and compiled on another thread, and the time to verify a signed bundle of that size.
/// Run: <c>scripts/bench-hotlist [OUT]</c> or <c>dotnet run -c Release --project tests/Alpr.Edge.Benchmarks -- hotlist [OUT]</c>.
/// </summary>
public static class HotlistBenchmark
{
    private const int Plates = 990_000;
    private const int Patterns = 10_000;
    private const int Reads = 200_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var lines = new List<string>();
        void Report(string line)
        {
            lines.Add(line);
            Console.WriteLine(line);
        }

        Report($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
        var workload = new HotlistWorkload(seed: 6);
        var entries = workload.Entries(Plates, Patterns);
        var reads = MakeReads(workload, entries);
        var beforeBuild = ManagedBytes();

        var watch = Stopwatch.StartNew();
        var list = CompiledHotlist.Build(entries, new HotlistInfo(1, Now, "bench", "bundle"), Now);
        var buildTime = watch.Elapsed;
        var afterBuild = ManagedBytes();
        Report(F($"index: {list.Count:N0} entries ({list.PatternCount:N0} patterns) built in {buildTime.TotalSeconds:0.00} s"));
        Report(F($"managed memory of the compiled index: {(afterBuild - beforeBuild) / 1048576.0:0.0} MiB measured ({list.IndexBytes / 1048576.0:0.0} MiB by array sizes; heap before the build, mostly the source entries as records: {beforeBuild / 1048576.0:0} MiB)"));

        var bundle = Sign(entries, out var signTime);
        var verifier = new HotlistBundleVerifier([bundle.PublicKey]);
        watch.Restart();
        var verification = verifier.Verify(bundle.Bytes, runningVersion: 1);
        var verifyTime = watch.Elapsed;
        if (!verification.IsAccepted)
        {
            throw new InvalidOperationException(verification.Message);
        }

        Report(F($"bundle: {bundle.Bytes.Length / 1048576.0:0.0} MiB signed in {signTime.TotalSeconds:0.00} s; verified and parsed in {verifyTime.TotalSeconds:0.00} s"));
        verification = null;
        entries.Clear();
        entries = null;
        var settled = ManagedBytes();
        Report(F($"heap after the source entries are dropped: {settled / 1048576.0:0} MiB (index, reads and the signed bundle bytes)"));
        var peak = PeakHeapWhile(() => CompiledHotlist.Build(verifier.Verify(bundle.Bytes, runningVersion: 1).Document!.Entries, new HotlistInfo(2, Now, "bench", "bundle"), Now));
        Report(F($"installing it again beside the running index (verify, parse, compile): managed heap peaked {(peak - settled) / 1048576.0:0} MiB above the settled heap"));

        var running = new StrongBox<CompiledHotlist>(list);
        Measure(running, reads, 20_000, out _);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (median, p95, p99, hits) = Measure(running, reads, Reads, out var matchesPerHit);
        var cpuPerRead = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / Reads;
        Report(F($"match ({Reads:N0} reads, 6 texts each, {hits:N0} with hits, {matchesPerHit:0.0} matches per hit read): median {median:0.0} us, p95 {p95:0.0} us, p99 {p99:0.0} us wall; mean {cpuPerRead:0.0} us CPU per read"));

        using var rebuilding = new CancellationTokenSource();
        var rebuilds = 0;
        var rebuilder = Task.Run(() =>
        {
            while (!rebuilding.IsCancellationRequested)
            {
                var fresh = verifier.Verify(bundle.Bytes, runningVersion: 0);
                var rebuilt = CompiledHotlist.Build(fresh.Document!.Entries, new HotlistInfo(2, Now, "bench", "bundle"), Now);
                Volatile.Write(ref running.Value, rebuilt);
                rebuilds++;
            }
        });
        var (busyMedian, busyP95, busyP99, _) = Measure(running, reads, Reads / 2, out _);
        rebuilding.Cancel();
        rebuilder.Wait();
        Report(F($"match while another thread verifies and compiles new lists ({rebuilds} swapped in): median {busyMedian:0.0} us, p95 {busyP95:0.0} us, p99 {busyP99:0.0} us"));
        running.Value = null!;
        var everyEntryOneEdit = verifier.Verify(bundle.Bytes, runningVersion: 0).Document!.Entries
            .Select(e => Alpr.Edge.Hotlists.Entries.PlateText.IsPattern(e.Plate) ? e : e with { Strictness = Alpr.Edge.Hotlists.Entries.MatchStrictness.ConfusionsAndOneEdit });
        running.Value = CompiledHotlist.Build(everyEntryOneEdit, new HotlistInfo(3, Now, "bench", "bundle"), Now);
        everyEntryOneEdit = null;
        Measure(running, reads, 5_000, out _);
        var (worstMedian, worstP95, worstP99, worstHits) = Measure(running, reads, Reads / 4, out _);
        Report(F($"worst case, every plate allowing one missing or extra character ({Reads / 4:N0} reads, {worstHits:N0} with hits): median {worstMedian:0.0} us, p95 {worstP95:0.0} us, p99 {worstP99:0.0} us"));
        Report(F($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; load average at the end {LoadAverage()}"));

        if (args.Length > 0)
        {
            File.WriteAllLines(args[0], lines);
        }

        return median < 100 ? 0 : 1;
    }

    private static (double Median, double P95, double P99, int Hits) Measure(StrongBox<CompiledHotlist> running, (string Text, string[] Alternatives)[] reads, int count, out double matchesPerHit)
    {
        var times = new double[count];
        var hits = 0;
        var matches = 0;
        var ticksToMicroseconds = 1_000_000.0 / Stopwatch.Frequency;
        for (var i = 0; i < count; i++)
        {
            var (text, alternatives) = reads[i % reads.Length];
            var start = Stopwatch.GetTimestamp();
            var found = Volatile.Read(ref running.Value!).Match(text, alternatives, Now);
            times[i] = (Stopwatch.GetTimestamp() - start) * ticksToMicroseconds;
            if (found.Count > 0)
            {
                hits++;
                matches += found.Count;
            }
        }

        Array.Sort(times);
        matchesPerHit = hits == 0 ? 0 : (double)matches / hits;
        return (times[count / 2], times[(int)(count * 0.95)], times[(int)(count * 0.99)], hits);
    }

    private static (string Text, string[] Alternatives)[] MakeReads(HotlistWorkload workload, List<Alpr.Edge.Hotlists.Entries.HotlistEntry> entries)
    {
        var random = new Random(7);
        var reads = new (string, string[])[50_000];
        for (var i = 0; i < reads.Length; i++)
        {
            var truth = i % 100 == 0 ? entries[random.Next(Plates)].Plate : workload.Plate();
            reads[i] = workload.Read(truth);
        }

        return reads;
    }

    private static (byte[] Bytes, byte[] PublicKey) Sign(List<Alpr.Edge.Hotlists.Entries.HotlistEntry> entries, out TimeSpan elapsed)
    {
        using var key = SigningKeys.Create();
        var watch = Stopwatch.StartNew();
        var bytes = new HotlistBundleSigner(key).Sign(new HotlistDocument
        {
            Schema = HotlistDocument.CurrentSchema,
            ListVersion = 2,
            IssuedAt = Now,
            Issuer = "bench",
            Entries = entries,
        });
        elapsed = watch.Elapsed;
        return (bytes, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The largest managed heap seen (sampled every 2 ms) while <paramref name="work"/> runs.</summary>
    private static long PeakHeapWhile(Func<object> work)
    {
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(2))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        });
        sampler.Start();
        GC.KeepAlive(work());
        done.Set();
        sampler.Join();
        return peak;
    }

    private static long ManagedBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
