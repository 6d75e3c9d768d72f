using System.Diagnostics;
using System.Globalization;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Alpr.Edge.Benchmarks;

/// <summary>
/// Shows, on a PostgreSQL central store filled with N reads over twelve capture months, the plan and the time of each
/// search the bridge sends (full plate, partial plate with <c>?</c> and <c>*</c>, prefix, suffix, time window, device and
/// camera, canvass radius), and fails when a search reads a whole partition (a sequential scan of <c>reads_*</c>).
/// The reads are made in the database with <c>generate_series</c>, through the store's own migrations and partitions.
/// Run: <c>scripts/explain-at-scale [--rows N]</c>, or
/// <c>dotnet run -c Release --project tests/Alpr.Edge.Benchmarks -- explain CONNECTION-STRING ROWS [OUT]</c>.
/// </summary>
public static class ExplainAtScale
{
    private const int Devices = 200;
    private static readonly DateTimeOffset FirstMonth = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows < 1000)
        {
            Console.Error.WriteLine("explain: expected CONNECTION-STRING ROWS [OUT] with ROWS at least 1000");
            return 2;
        }

        var lines = new List<string>();
        void Report(string line)
        {
            lines.Add(line);
            Console.WriteLine(line);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromHours(2));
        var token = cancel.Token;
        await using var store = new PostgresCentralStore(args[0], NullLogger<PostgresCentralStore>.Instance);
        await store.InitializeAsync(token);
        await using var data = NpgsqlDataSource.Create(args[0]);

        var watch = Stopwatch.StartNew();
        var present = await CountReadsAsync(data, token);
        if (present < rows)
        {
            await FillAsync(data, present, rows, token);
        }

        Report($"reads: {rows:N0} over 12 capture months, {Devices} devices x 4 cameras; filled, vacuumed and analysed in {watch.Elapsed.TotalSeconds:F0} s");
        var failures = 0;
        foreach (var (name, query) in Queries())
        {
            var plan = await store.ExplainFindReadsAsync(query, token);
            var scanned = plan.Where(line => line.Contains("Seq Scan on reads_", StringComparison.Ordinal)).ToList();
            var indexes = plan.Select(IndexOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var time = plan.LastOrDefault(line => line.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "Execution Time: ?";
            var verdict = scanned.Count == 0 && indexes.Count > 0 ? "index" : "SEQUENTIAL SCAN";
            failures += verdict == "index" ? 0 : 1;
            Report($"{name}: {verdict}; {time.Trim()}; indexes: {string.Join(", ", IndexKinds(indexes))}");
            if (args.Length > 2)
            {
                lines.AddRange(plan.Select(line => "    " + line));
            }
        }

        if (args.Length > 2)
        {
            await File.WriteAllLinesAsync(args[2], lines, token);
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>The searches the bridge's API makes, one of each kind.</summary>
    private static IEnumerable<(string Name, ReadQuery Query)> Queries()
    {
        var from = FirstMonth.AddMonths(5).AddDays(3);
        yield return ("full plate", Query(SamplePlate(123_457), null, null, null, null));
        yield return ("full plate in a month", Query(SamplePlate(123_457), from, from.AddMonths(1), null, null));
        yield return ("partial plate, ? in the middle", Query(SamplePlate(654_321)[..3] + "?" + SamplePlate(654_321)[4..], null, null, null, null));
        yield return ("partial plate, prefix*", Query(SamplePlate(777_777)[..5] + "*", null, null, null, null));
        yield return ("partial plate, *suffix", Query("*" + SamplePlate(888_888)[2..], null, null, null, null));
        yield return ("time window (one hour)", Query(null, from, from.AddHours(1), null, null));
        yield return ("device and camera in a day", Query(null, from, from.AddDays(1), "pole-17", "cam-2"));
        yield return ("device, newest", Query(null, null, null, "pole-42", null));
        GeoCircle.TryCreate(Site(17).Latitude, Site(17).Longitude, 300, out var circle, out _);
        yield return ("canvass 300 m in a day", Query(null, from, from.AddDays(1), null, null).Within(circle!));
    }

    private static ReadQuery Query(string? plate, DateTimeOffset? from, DateTimeOffset? to, string? device, string? camera) =>
        ReadQuery.TryCreate(plate, from, to, device, camera, 100, out var query, out var error)
            ? query!
            : throw new InvalidOperationException(error);

    /// <summary>The plate of read number <paramref name="i"/>, as <see cref="FillAsync"/> makes it in SQL.</summary>
    private static string SamplePlate(long i)
    {
#pragma warning disable CA5351 // Not security: the same md5 PostgreSQL's md5() gives, to name a plate the fill made.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture))));
#pragma warning restore CA5351
        var digits = new string(hash.Substring(3, 4).Select(c => c is >= 'a' and <= 'f' ? (char)('0' + (c - 'a')) : c).ToArray());
        return hash[..3].ToUpperInvariant() + digits;
    }

    private static (double Latitude, double Longitude) Site(int device) =>
        (34.0 + (device % 20) * 0.01, -118.3 + (device / 20) * 0.01);

    private static async Task<long> CountReadsAsync(NpgsqlDataSource data, CancellationToken token)
    {
        await using var command = data.CreateCommand("SELECT count(*) FROM reads");
        return (long)(await command.ExecuteScalarAsync(token))!;
    }

    /// <summary>Adds reads <paramref name="start"/> to <paramref name="rows"/> in batches of a million, then vacuums and analyses.</summary>
    private static async Task FillAsync(NpgsqlDataSource data, long start, long rows, CancellationToken token)
    {
        await using (var partitions = data.CreateCommand(
            "SELECT ensure_reads_partition(m) FROM generate_series(@first, @first + interval '11 months', interval '1 month') m"))
        {
            partitions.Parameters.AddWithValue("first", FirstMonth);
            await partitions.ExecuteNonQueryAsync(token);
        }

        const long Batch = 1_000_000;
        for (var low = start; low < rows; low += Batch)
        {
            var high = Math.Min(rows, low + Batch) - 1;
            await using var insert = data.CreateCommand("""
                INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, payload, latitude, longitude)
                SELECT gen_random_uuid(), 'pole-' || (i % @devices), 'cam-' || (i % 4),
                       upper(substr(md5(i::text), 1, 3)) || translate(substr(md5(i::text), 4, 4), 'abcdef', '012345'),
                       0.9, t, t + interval '2 seconds', '1.0.0', '{}'::jsonb,
                       34.0 + ((i % @devices) % 20) * 0.01, -118.3 + ((i % @devices) / 20) * 0.01
                FROM generate_series(@low::bigint, @high::bigint) i,
                     LATERAL (SELECT @first + (i * (365.0 * 86400 / @rows)) * interval '1 second' AS t) capture
                """);
            insert.CommandTimeout = 0;
            insert.Parameters.AddWithValue("devices", (long)Devices);
            insert.Parameters.AddWithValue("low", low);
            insert.Parameters.AddWithValue("high", high);
            insert.Parameters.AddWithValue("rows", (double)rows);
            insert.Parameters.AddWithValue("first", FirstMonth);
            await insert.ExecuteNonQueryAsync(token);
            Console.WriteLine($"  filled {high + 1:N0}");
        }

        // As autovacuum would: a new GIN index keeps its entries in a pending list until a vacuum.
        await using var analyse = data.CreateCommand("VACUUM ANALYZE reads");
        analyse.CommandTimeout = 0;
        await analyse.ExecuteNonQueryAsync(token);
    }

    private static string? IndexOf(string line)
    {
        const string On = " on ";
        foreach (var kind in new[] { "Index Only Scan using ", "Index Scan Backward using ", "Index Scan using ", "Bitmap Index Scan on " })
        {
            var at = line.IndexOf(kind, StringComparison.Ordinal);
            if (at >= 0)
            {
                var name = line[(at + kind.Length)..];
                var end = name.IndexOf(On, StringComparison.Ordinal);
                return (end >= 0 ? name[..end] : name.Split(' ')[0]).Trim();
            }
        }

        return null;
    }

    /// <summary>Index names without their month (<c>reads_2026_06_plate_idx</c> → <c>reads_*_plate_idx</c>), once each.</summary>
    private static IEnumerable<string> IndexKinds(IEnumerable<string> indexes) =>
        indexes.Select(name => System.Text.RegularExpressions.Regex.Replace(name, @"^reads_\d{4}_\d{2}_", "reads_*_")).Distinct(StringComparer.Ordinal);
}
