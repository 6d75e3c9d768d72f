using System.Globalization;
using System.Text;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.UnitTests.Storage;

/// <summary>What a thief with the SD card gets: the database file and its WAL hold no plate, place, image or hit detail.</summary>
public sealed class PlaintextSearchTests
{
    private static readonly string[] Plates = ["7ABC123", "KXR4471", "ZZT9090", "8MNP552"];
    private static readonly byte[] ImageMarker = Encoding.ASCII.GetBytes("JFIF-MARKER-7ABC123-OVERVIEW");

    [Fact]
    public void Known_plates_places_images_and_hit_details_appear_nowhere_in_the_database_or_its_wal()
    {
        using var harness = new StoreHarness();
        foreach (var plate in Plates)
        {
            var evidence = new ReadEvidence
            {
                PlateCropJpeg = ImageMarker,
                OverviewJpeg = ImageMarker.Concat(new byte[4096]).ToArray(),
                Site = new GeoPosition(37.774929, -122.419416),
            };
            harness.AddRead(plate, evidence, withHit: true);
        }

        // While the store is open the records are in the WAL; after the checkpoint, in the main file.
        var walBytes = ReadShared(harness.DatabasePath + "-wal");
        Assert.NotEmpty(walBytes);
        AssertNothingSensitive(walBytes, "WAL");
        AssertNothingSensitive(ReadShared(harness.DatabasePath), "database (open)");

        harness.Store.Checkpoint();
        harness.Store.Dispose();
        AssertNothingSensitive(ReadShared(harness.DatabasePath), "database (closed)");
        foreach (var file in Directory.GetFiles(harness.Directory, "store.db*"))
        {
            AssertNothingSensitive(ReadShared(file), Path.GetFileName(file));
        }
    }

    [Fact]
    public void A_purged_record_leaves_not_even_its_ciphertext_in_the_file()
    {
        using var harness = new StoreHarness(new RingOptions { MaxAge = TimeSpan.FromDays(1) });
        var read = harness.AddRead("7ABC123", StoreHarness.Images(8192));
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        harness.Store.MarkAcked([read.Id]);
        harness.Store.Checkpoint();
        var sealedBlob = SealedBlobOf(harness.DatabasePath, read.Id);
        Assert.True(Contains(ReadShared(harness.DatabasePath), sealedBlob.AsSpan(0, 64)));

        harness.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, harness.Store.PurgeStep().Purged);
        harness.Store.Checkpoint();

        Assert.False(Contains(ReadShared(harness.DatabasePath), sealedBlob.AsSpan(0, 64)), "secure_delete should zero the purged row");
    }

    private static void AssertNothingSensitive(byte[] file, string what)
    {
        foreach (var plate in Plates)
        {
            foreach (var (encoding, needle) in Encodings(plate))
            {
                Assert.False(Contains(file, needle), $"plate {plate} found in the {what} as {encoding}");
            }
        }

        foreach (var text in new[] { "stolen-vehicles", "CASE-4411", "37.774929", "-122.419416", "\"plate\"", "north" })
        {
            Assert.False(Contains(file, Encoding.UTF8.GetBytes(text)), $"'{text}' found in the {what}");
        }

        var latitude = BitConverter.GetBytes(37.774929);
        Assert.False(Contains(file, latitude), $"latitude as a double found in the {what}");
        Assert.False(Contains(file, ImageMarker), $"image bytes found in the {what}");
    }

    private static IEnumerable<(string Encoding, byte[] Needle)> Encodings(string plate)
    {
        yield return ("ASCII/UTF-8", Encoding.UTF8.GetBytes(plate));
        yield return ("lower-case ASCII", Encoding.UTF8.GetBytes(plate.ToLowerInvariant()));
        yield return ("UTF-16LE", Encoding.Unicode.GetBytes(plate));
        yield return ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(plate));
        yield return ("UTF-32LE", Encoding.UTF32.GetBytes(plate));
        yield return ("base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(plate)).TrimEnd('=')));
        yield return ("hex", Encoding.ASCII.GetBytes(Convert.ToHexString(Encoding.UTF8.GetBytes(plate))));
        yield return ("hex lower-case", Encoding.ASCII.GetBytes(Convert.ToHexString(Encoding.UTF8.GetBytes(plate)).ToLower(CultureInfo.InvariantCulture)));
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] SealedBlobOf(string databasePath, Guid id)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT sealed FROM records WHERE id = $id";
        select.Parameters.AddWithValue("$id", RecordIds.ToBytes(id));
        return (byte[])select.ExecuteScalar()!;
    }
}
