using Alpr.Edge.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.UnitTests.Storage;

public sealed class TamperTests
{
    [Fact]
    public void A_flipped_byte_on_the_card_is_reported_with_the_record_id_and_the_rest_stays_usable()
    {
        using var harness = new StoreHarness();
        var damaged = harness.AddRead("7ABC123");
        var intact = harness.AddRead("5XYZ987");
        harness.Store.Checkpoint();
        harness.Store.Dispose();
        FlipByteInFile(harness.DatabasePath, SealedOf(harness.DatabasePath, damaged.Id));
        harness.Reopen();

        var report = harness.Store.Verify();
        Assert.False(report.Ok);
        Assert.Empty(report.IntegrityErrors);
        Assert.Equal(damaged.Id, Assert.Single(report.Unreadable).Id);

        var sent = harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        Assert.Equal(intact.Id, Assert.Single(sent).Id);
        Assert.Contains(harness.Log.WithEvent(5002), m => m.Contains(damaged.Id.ToString(), StringComparison.Ordinal));
        Assert.Empty(harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(1, harness.Store.GetStats().Unreadable);
        Assert.False(harness.Store.TryRead(damaged.Id, out _));
        Assert.True(harness.Store.TryRead(intact.Id, out _));
    }

    [Fact]
    public void Blobs_swapped_between_rows_fail_authentication()
    {
        using var harness = new StoreHarness();
        var first = harness.AddRead("7ABC123");
        var second = harness.AddRead("5XYZ987");
        harness.Store.Dispose();
        using (var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            connection.Open();
            var a = SealedOf(harness.DatabasePath, first.Id);
            var b = SealedOf(harness.DatabasePath, second.Id);
            foreach (var (id, blob) in new[] { (first.Id, b), (second.Id, a) })
            {
                using var swap = connection.CreateCommand();
                swap.CommandText = "UPDATE records SET sealed = $blob WHERE id = $id";
                swap.Parameters.AddWithValue("$blob", blob);
                swap.Parameters.AddWithValue("$id", RecordIds.ToBytes(id));
                Assert.Equal(1, swap.ExecuteNonQuery());
            }
        }

        harness.Reopen();
        var report = harness.Store.Verify();
        Assert.Equal(2, report.Unreadable.Count);
        Assert.Empty(harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_store_opened_under_another_device_id_keeps_the_id_it_was_created_with()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123");
        harness.Store.Dispose();
        using var other = harness.Open("renamed-pole");

        Assert.Equal(StoreHarness.Device, other.DeviceId);
        Assert.True(other.TryRead(read.Id, out _));
        harness.Reopen();
    }

    private static byte[] SealedOf(string databasePath, Guid id)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT sealed FROM records WHERE id = $id";
        select.Parameters.AddWithValue("$id", RecordIds.ToBytes(id));
        return (byte[])select.ExecuteScalar()!;
    }

    private static void FlipByteInFile(string path, byte[] blob)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(blob.AsSpan(0, 48));
        Assert.True(at >= 0, "blob not found in the file");
        bytes[at + 40] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }
}
