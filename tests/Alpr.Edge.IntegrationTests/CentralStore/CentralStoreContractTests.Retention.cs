using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// Retention and legal holds. The cutoffs fall on month boundaries, where both engines must purge exactly the same
/// reads (PostgreSQL drops or trims whole months, SQLite deletes in batches).
/// </summary>
public abstract partial class CentralStoreContractTests
{
    private static readonly DateTimeOffset October = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Due_reads_are_purged_held_and_recent_ones_kept_and_the_purge_is_recorded()
    {
        var due = Read(plate: "1AAA111", capturedAt: October.AddDays(-20));
        var held = Read(plate: "2HLD222", capturedAt: October.AddDays(-19));
        var heldByDevice = Read(deviceId: "pole-9", plate: "3DEV333", capturedAt: October.AddDays(-40));
        var recent = Read(plate: "1AAA111", capturedAt: October.AddDays(3));
        foreach (var read in new[] { due, held, heldByDevice, recent })
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        await Store.PlaceHoldAsync(Hold("CASE-7", plate: "2HLD222"), None);
        await Store.PlaceHoldAsync(Hold("CASE-8", deviceId: "pole-9", from: October.AddDays(-45), to: October.AddDays(-35)), None);
        await Store.PlaceHoldAsync(Hold("CASE-9", plate: "9NOT999"), None);

        var result = await Store.PurgeReadsAsync(October, Noon, None);

        Assert.Equal((1L, 2L), (result.Purged, result.Spared));
        Assert.Equal(["CASE-7", "CASE-8"], result.SparingHolds);
        Assert.Null(await Store.GetReadAsync(due.Id, None));
        Assert.NotNull(await Store.GetReadAsync(held.Id, None));
        Assert.NotNull(await Store.GetReadAsync(heldByDevice.Id, None));
        Assert.NotNull(await Store.GetReadAsync(recent.Id, None));
        var recorded = Assert.Single(await Store.GetPurgesAsync(10, None));
        Assert.Equal((Noon, October, 1L, 2L), (recorded.At, recorded.Cutoff, recorded.Purged, recorded.Spared));
        Assert.Equal(result.SparingHolds, recorded.SparingHolds);
        Assert.Equal(result.DroppedPartitions, recorded.DroppedPartitions);
    }

    [Fact]
    public async Task A_released_hold_spares_nothing_and_is_released_once()
    {
        var read = Read(plate: "2HLD222", capturedAt: October.AddDays(-10));
        await Store.AddReadAsync(read, Noon, None);
        var hold = Hold("CASE-7", plate: "2HLD222");
        await Store.PlaceHoldAsync(hold, None);

        Assert.True(await Store.ReleaseHoldAsync(hold.Id, "sgt. okafor", Noon.AddHours(1), None));
        Assert.False(await Store.ReleaseHoldAsync(hold.Id, "sgt. okafor", Noon.AddHours(2), None));
        var result = await Store.PurgeReadsAsync(October, Noon.AddHours(3), None);

        Assert.Equal((1L, 0L), (result.Purged, result.Spared));
        Assert.Empty(result.SparingHolds);
        Assert.Null(await Store.GetReadAsync(read.Id, None));
    }

    [Fact]
    public async Task Holds_are_listed_newest_first_with_who_why_when_and_their_release()
    {
        var older = Hold("CASE-1", plate: "7ABC123") with { PlacedAt = Noon.AddDays(-1) };
        var newer = Hold("CASE-2", deviceId: "pole-1", from: October, to: October.AddDays(1));
        await Store.PlaceHoldAsync(older, None);
        await Store.PlaceHoldAsync(newer, None);
        await Store.ReleaseHoldAsync(older.Id, "sgt. okafor", Noon, None);

        var holds = await Store.GetHoldsAsync(None);

        Assert.Equal([newer, older with { ReleasedBy = "sgt. okafor", ReleasedAt = Noon }], holds);
    }

    [Fact]
    public async Task Purging_with_nothing_due_changes_nothing_but_is_recorded()
    {
        var read = Read(capturedAt: October.AddDays(1));
        await Store.AddReadAsync(read, Noon, None);

        var result = await Store.PurgeReadsAsync(October, Noon, None);

        Assert.Equal((0L, 0L), (result.Purged, result.Spared));
        Assert.Empty(result.DroppedPartitions);
        Assert.NotNull(await Store.GetReadAsync(read.Id, None));
        Assert.Single(await Store.GetPurgesAsync(10, None));
    }
}
