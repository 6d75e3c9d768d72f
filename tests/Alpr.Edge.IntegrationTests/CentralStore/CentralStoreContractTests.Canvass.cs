using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Canvass (reads within a radius of a point) and paging.</summary>
public abstract partial class CentralStoreContractTests
{
    private static GeoCircle Circle(double latitude, double longitude, double radiusMeters) =>
        GeoCircle.TryCreate(latitude, longitude, radiusMeters, out var circle, out var error) ? circle! : throw new ArgumentException(error);

    [Fact]
    public async Task A_canvass_finds_the_reads_within_the_radius_and_no_others()
    {
        // Sacramento, 38.5816 N 121.4944 W: a read at the centre, one 300 m east, one 700 m north, one without a location.
        var centre = Read("pole-1") with { Latitude = 38.5816, Longitude = -121.4944 };
        var east = Read("pole-2") with { Latitude = 38.5816, Longitude = -121.4944 + (300 / (GeoCircle.MetersPerDegree * Math.Cos(38.5816 * Math.PI / 180))) };
        var north = Read("pole-3") with { Latitude = 38.5816 + (700 / GeoCircle.MetersPerDegree), Longitude = -121.4944 };
        var nowhere = Read("pole-4") with { Latitude = null, Longitude = null };
        foreach (var read in new[] { centre, east, north, nowhere })
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        var within500 = await Store.FindReadsAsync(Query().Within(Circle(38.5816, -121.4944, 500)), None);
        var within1000 = await Store.FindReadsAsync(Query().Within(Circle(38.5816, -121.4944, 1000)), None);
        var within250 = await Store.FindReadsAsync(Query().Within(Circle(38.5816, -121.4944, 250)), None);

        Assert.Equal(new[] { "pole-1", "pole-2" }, within500.Select(r => r.Read.DeviceId).Order());
        Assert.Equal(new[] { "pole-1", "pole-2", "pole-3" }, within1000.Select(r => r.Read.DeviceId).Order());
        Assert.Equal("pole-1", Assert.Single(within250).Read.DeviceId);
    }

    [Fact]
    public async Task A_canvass_of_hits_selects_hits_whose_read_lies_in_the_circle()
    {
        var near = Read("pole-1");
        var far = Read("pole-2") with { Latitude = 34.05, Longitude = -118.24 };
        await Store.AddReadAsync(near, Noon, None);
        await Store.AddReadAsync(far, Noon, None);
        await Store.AddHitAsync(Hit(near), Noon, None);
        await Store.AddHitAsync(Hit(far), Noon, None);

        var hits = await Store.FindHitsAsync(Query().Within(Circle(near.Latitude!.Value, near.Longitude!.Value, 100)), None);

        Assert.Equal(near.Id, Assert.Single(hits).Hit.Read.Id);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var reads = Enumerable.Range(0, 7).Select(i => Read(plate: "7ABC12" + i, capturedAt: Noon.AddMinutes(i))).ToList();
        foreach (var read in reads)
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        var pages = new List<string>();
        for (var offset = 0; offset < 9; offset += 3)
        {
            Assert.True(Query(limit: 3).TrySkip(offset, out var page, out _));
            pages.AddRange((await Store.FindReadsAsync(page!, None)).Select(r => r.Read.Plate));
        }

        Assert.Equal(reads.Select(r => r.Plate).Reverse(), pages);
        Assert.False(Query().TrySkip(-1, out _, out var error));
        Assert.Contains("offset", error, StringComparison.Ordinal);
    }
}
