using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Hit verification: the append-only history, the actionable gate and misreads per device and week.</summary>
public abstract partial class CentralStoreContractTests
{
    private IHitDispositionStore Dispositions => (IHitDispositionStore)Store;

    [Fact]
    public async Task Each_disposition_is_kept_in_order_and_the_latest_is_the_hits_state()
    {
        var hit = Hit(Read());
        await Store.AddHitAsync(hit, Noon, None);

        Assert.True(await Dispositions.AddHitDispositionAsync(new(hit.Id, HitDisposition.Misread, "7ABC128", "plate is 7ABC128", "ofc. lee", "CA0340000", Noon.AddMinutes(1)), None));
        Assert.True(await Dispositions.AddHitDispositionAsync(new(hit.Id, HitDisposition.Confirmed, null, "CLETS: stolen, 10-851", "sgt. diaz", "CA0340000", Noon.AddMinutes(2)), None));

        var history = await Dispositions.GetHitDispositionsAsync(hit.Id, None);
        Assert.Equal([HitDisposition.Misread, HitDisposition.Confirmed], history.Select(entry => entry.Disposition));
        Assert.Equal(("ofc. lee", "7ABC128", Noon.AddMinutes(1)), (history[0].By, history[0].CorrectedPlate, history[0].At));
        Assert.Equal(HitVerification.Confirmed, (await Store.GetHitAsync(hit.Id, None))!.Hit.Verification);
    }

    [Fact]
    public async Task A_disposition_for_an_unknown_hit_is_refused()
    {
        Assert.False(await Dispositions.AddHitDispositionAsync(new(Guid.NewGuid(), HitDisposition.Confirmed, null, null, "sgt. diaz", null, Noon), None));
        Assert.Empty(await Dispositions.GetHitDispositionsAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task Only_a_confirmed_hit_becomes_actionable()
    {
        var hit = Hit(Read());
        await Store.AddHitAsync(hit, Noon, None);

        Assert.Equal(HitDisposition.Unverified, await Dispositions.MarkHitActionableAsync(hit.Id, "ofc. lee", Noon, None));
        await Dispositions.AddHitDispositionAsync(new(hit.Id, HitDisposition.WrongState, null, "Nevada plate", "ofc. lee", null, Noon), None);
        Assert.Equal(HitDisposition.WrongState, await Dispositions.MarkHitActionableAsync(hit.Id, "ofc. lee", Noon, None));
        await Dispositions.AddHitDispositionAsync(new(hit.Id, HitDisposition.Confirmed, null, null, "sgt. diaz", null, Noon), None);
        Assert.Equal(HitDisposition.Confirmed, await Dispositions.MarkHitActionableAsync(hit.Id, "sgt. diaz", Noon, None));
        Assert.Null(await Dispositions.MarkHitActionableAsync(Guid.NewGuid(), "sgt. diaz", Noon, None));
    }

    [Fact]
    public async Task Misreads_are_counted_per_device_and_week_from_each_hits_latest_disposition()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var first = Hit(Read("pole-1"));
        var second = Hit(Read("pole-1", "8XYZ999"));
        var other = Hit(Read("pole-2"));
        foreach (var hit in new[] { first, second, other })
        {
            await Store.AddHitAsync(hit, Noon, None);
        }

        await Dispositions.AddHitDispositionAsync(new(first.Id, HitDisposition.Misread, "7ABC128", null, "ofc. lee", null, monday), None);
        await Dispositions.AddHitDispositionAsync(new(second.Id, HitDisposition.Misread, "8XYZ998", null, "ofc. lee", null, monday.AddDays(1)), None);
        await Dispositions.AddHitDispositionAsync(new(second.Id, HitDisposition.Confirmed, null, "second look: it was right", "sgt. diaz", null, monday.AddDays(2)), None);
        await Dispositions.AddHitDispositionAsync(new(other.Id, HitDisposition.Misread, "7ABC128", null, "ofc. lee", null, monday.AddDays(-1)), None);

        var weeks = await Dispositions.GetMisreadsPerDeviceWeekAsync(monday.AddDays(-7), monday.AddDays(7), None);

        Assert.Equal(
            [new MisreadWeek("pole-2", new DateOnly(2026, 11, 23), 1, 1), new MisreadWeek("pole-1", new DateOnly(2026, 11, 30), 2, 1)],
            weeks);
    }
}
