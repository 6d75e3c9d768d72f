using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Alpr.Edge.Contracts;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.Benchmarks;

/// <summary>
/// Store figures on this machine: sustained insert rate with 20 KB images and without, read-back (decrypt)
/// rate, and purge cost per record at 10k and 1M records. Run: <c>scripts/soak-store bench [OUT]</c>
/// (figures go to standard output and to OUT when given).
/// </summary>
public static class StoreBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Main(string[] args)
    {
        var lines = new List<string>();
        void Report(string line)
        {
            lines.Add(line);
            Console.WriteLine(line);
        }

        Report($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}, load average {LoadAverage()}");
        using (var bench = new Bench())
        {
            var (rate, cpuRate) = bench.InsertMeasured(100_000, batch: 256, imageBytes: 0);
            Report(F($"insert without images: {rate:0} reads/s wall, {cpuRate:0} reads per CPU-second (100,000 reads, batches of 256, synchronous=FULL)"));
            var (sealUs, writeUs) = bench.InsertPhases(100_000, batch: 256);
            Report(F($"insert phases without images: seal (JSON, AES-GCM, HMAC) {sealUs:0.0} us/read, write (SQLite, commit) {writeUs:0.0} us/read"));
            var pipelined = bench.InsertPipelined(100_000, batch: 256);
            Report(F($"insert without images, sealing on one thread while the writer commits on another: {pipelined:0} reads/s wall (100,000 reads, batches of 256)"));
            var read = bench.ReadBack();
            Report(F($"read-back (take for sending: decrypt + mark in flight): {read:0} reads/s"));
        }

        using (var bench = new Bench())
        {
            var (rate, cpuRate) = bench.InsertMeasured(10_000, batch: 64, imageBytes: 20 * 1024);
            Report(F($"insert with 20 KB images: {rate:0} reads/s wall, {cpuRate:0} reads per CPU-second (10,000 reads, batches of 64)"));
            var readImages = bench.ReadBackWithImages(2_000);
            Report(F($"read-back with images (one record and its images per call): {readImages:0} reads/s"));
        }

        foreach (var size in new[] { 10_000, 1_000_000 })
        {
            using var bench = new Bench();
            var insertRate = bench.Insert(size, batch: 1000, imageBytes: 0);
            var (lastRate, lastCpu) = bench.InsertMeasured(10_000, batch: 256, imageBytes: 0);
            bench.AckAllAndAge();
            var (perRecordUs, cpuPerRecordUs, purged) = bench.Purge(steps: 40);
            Report(F($"load average {LoadAverage()}; store of {size:N0}: fill {insertRate:0} reads/s, next 10,000 at {lastRate:0} reads/s ({lastCpu:0} per CPU-second); purge {purged:N0} records at {perRecordUs:0.0} us/record wall, {cpuPerRecordUs:0.0} us CPU (steps of 256)"));
        }

        if (args.Length > 0)
        {
            File.WriteAllLines(args[0], lines);
        }

        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", SQLite " + SqliteVersion();

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static PlateReadMessage SampleRead(string plate, DateTimeOffset capturedAt) => new()
    {
        Id = Guid.CreateVersion7(capturedAt),
        DeviceId = "bench",
        Camera = "north",
        Plate = plate,
        Confidence = 0.93,
        CapturedAt = capturedAt,
        Box = new PlateBox(410, 322, 120, 40),
        Alternatives = [new PlateAlternative(plate[..^1] + "8", 0.41)],
        FirmwareVersion = "bench",
    };

    private sealed class Bench : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("alpr-bench-").FullName;
        private static readonly ReadEvidence SiteOnly = new() { Site = new GeoPosition(37.77, -122.41) };
        private readonly FakeTimeProvider _time = new(Start);
        private readonly EncryptedStore _store;
        private int _plate;

        public Bench()
        {
            var ring = new RingOptions { DiskBudgetBytes = 1L << 40, MaxAge = TimeSpan.FromDays(30) };
            _store = EncryptedStore.Open(new EncryptedStoreOptions { DataDirectory = _directory, DeviceId = "bench", Ring = ring }, _time);
        }

        public double Insert(int count, int batch, int imageBytes) => InsertMeasured(count, batch, imageBytes).WallRate;

        /// <summary>Reads per wall-clock second and per second of this process's CPU time (the machine is shared).</summary>
        public (double WallRate, double CpuRate) InsertMeasured(int count, int batch, int imageBytes)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var crop = RandomNumberGenerator.GetBytes(imageBytes / 4);
            var overview = RandomNumberGenerator.GetBytes(imageBytes - (imageBytes / 4));
            var evidence = imageBytes == 0 ? SiteOnly : SiteOnly with { PlateCropJpeg = crop, OverviewJpeg = overview };
            var watch = new Stopwatch();
            for (var done = 0; done < count; done += batch)
            {
                var items = NextBatch(batch, Math.Min(batch, count - done), evidence);
                watch.Start();
                _store.AddBatch(items);
                watch.Stop();
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            return (count / watch.Elapsed.TotalSeconds, count / cpu.TotalSeconds);
        }

        /// <summary>Microseconds per read spent sealing and spent writing, one thread.</summary>
        public (double SealUs, double WriteUs) InsertPhases(int count, int batch)
        {
            var seal = new Stopwatch();
            var write = new Stopwatch();
            for (var done = 0; done < count; done += batch)
            {
                var items = NextBatch(batch, Math.Min(batch, count - done), SiteOnly);
                seal.Start();
                var sealedBatch = _store.Seal(items);
                seal.Stop();
                write.Start();
                _store.Write(sealedBatch);
                write.Stop();
            }

            return (seal.Elapsed.TotalMicroseconds / count, write.Elapsed.TotalMicroseconds / count);
        }

        /// <summary>Reads per wall-clock second when one thread seals batches and another commits them (two cores).</summary>
        public double InsertPipelined(int count, int batch)
        {
            var sealedBatches = new System.Collections.Concurrent.BlockingCollection<Alpr.Edge.Storage.Evidence.SealedBatch>(boundedCapacity: 2);
            var watch = Stopwatch.StartNew();
            var sealer = Task.Run(() =>
            {
                for (var done = 0; done < count; done += batch)
                {
                    sealedBatches.Add(_store.Seal(NextBatch(batch, Math.Min(batch, count - done), SiteOnly)));
                }

                sealedBatches.CompleteAdding();
            });
            foreach (var sealedBatch in sealedBatches.GetConsumingEnumerable())
            {
                _store.Write(sealedBatch);
            }

            sealer.GetAwaiter().GetResult();
            return count / watch.Elapsed.TotalSeconds;
        }

        /// <summary>The next reads in capture order; capture times advance at the sizing traffic (20,000 reads a day), so 1M records span 50 days as on a pole.</summary>
        private List<ReadToStore> NextBatch(int capacity, int size, ReadEvidence evidence)
        {
            var items = new List<ReadToStore>(capacity);
            for (var i = 0; i < size; i++)
            {
                items.Add(new ReadToStore(SampleRead(string.Create(CultureInfo.InvariantCulture, $"B{_plate++:D6}"), _time.GetUtcNow()), [], evidence));
            }

            _time.Advance(TimeSpan.FromDays(1) / 20_000 * size);
            return items;
        }

        public double ReadBack()
        {
            var watch = Stopwatch.StartNew();
            long total = 0;
            while (true)
            {
                var taken = _store.TakeForSending(RecordKind.Read, 1000, TimeSpan.FromHours(1));
                if (taken.Count == 0)
                {
                    break;
                }

                total += taken.Count;
            }

            return total / watch.Elapsed.TotalSeconds;
        }

        public double ReadBackWithImages(int count)
        {
            var ids = _store.TakeForSending(RecordKind.Read, count, TimeSpan.FromHours(1)).Select(r => r.Id).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                if (!_store.TryRead(id, out var record) || !record!.Evidence.HasImages)
                {
                    throw new InvalidOperationException($"record {id} did not read back with its images");
                }
            }

            return ids.Count / watch.Elapsed.TotalSeconds;
        }

        public void AckAllAndAge()
        {
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, EncryptedStore.FileName)};Pooling=False"))
            {
                connection.Open();
                using var ack = connection.CreateCommand();
                ack.CommandText = "PRAGMA busy_timeout = 30000; UPDATE records SET state = 2, acked_at = 0";
                ack.ExecuteNonQuery();
            }

            // The one-statement acknowledgement of every record leaves a large WAL; checkpoint it so purge is timed alone.
            _store.Checkpoint();
            _time.Advance(TimeSpan.FromDays(31));
        }

        public (double PerRecordUs, double CpuPerRecordUs, int Purged) Purge(int steps)
        {
            var purged = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                var result = _store.PurgeStep();
                purged += result.Purged;
                if (!result.MoreWork)
                {
                    break;
                }
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            return (watch.Elapsed.TotalMicroseconds / Math.Max(1, purged), cpu.TotalMicroseconds / Math.Max(1, purged), purged);
        }

        public void Dispose()
        {
            _store.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
