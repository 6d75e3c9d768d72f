using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Web;

namespace Alpr.Edge.UnitTests.Bridge.Clets;

public sealed class HitViewsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Clets_details_reach_only_an_authorised_user_and_images_become_links_for_everyone()
    {
        await using var database = await TempDatabase.CreateAsync();
        await database.Store.PutCletsRecordsAsync([new CletsRecord("CL-9", "stolen: 2019 Honda Civic, SPD 26-1180", TestRecords.Noon, "ops")], None);
        var clets = TestRecords.Hit(TestRecords.Read()) with { CletsReference = "CL-9", PlateCropJpeg = new byte[] { 0xFF, 0xD8, 1 }, OverviewJpeg = new byte[] { 0xFF, 0xD8, 2 } };
        var unknown = TestRecords.Hit(TestRecords.Read()) with { CletsReference = "CL-404" };
        var plain = TestRecords.Hit(TestRecords.Read());
        var hits = new[] { clets, unknown, plain }.Select(h => new StoredHit(h, TestRecords.Noon)).ToList();
        var views = new HitViews(database.Store);

        var authorised = await views.ForAsync(hits, Person(cletsAuthorized: true), None);
        var other = await views.ForAsync(hits, Person(cletsAuthorized: false), None);
        var nobody = await views.ForAsync(hits, null, None);

        Assert.Equal(new CletsView("CL-9", "stolen: 2019 Honda Civic, SPD 26-1180", null), authorised[0].Clets);
        Assert.Equal(new CletsView("CL-404", null, HitViews.NotImported), authorised[1].Clets);
        Assert.Null(authorised[2].Clets);
        foreach (var view in other.Concat(nobody))
        {
            Assert.Null(view.Hit.CletsReference);
            Assert.DoesNotContain("Honda", view.Clets?.Details ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Equal(new CletsView(null, null, HitViews.NotAuthorised), other[0].Clets);
        Assert.Equal(new CletsView(null, null, HitViews.NotAuthorised), nobody[1].Clets);
        Assert.All(authorised.Concat(other), v => Assert.Null(v.Hit.PlateCropJpeg));
        Assert.Equal(new HitImageLinks($"/api/hits/{clets.Id}/images/plate-crop", $"/api/hits/{clets.Id}/images/overview"), other[0].Images);
        Assert.Null(other[2].Images);
    }

    private static Accessor Person(bool cletsAuthorized) =>
        new("det. rivera", "CA0340000", new HashSet<BridgeRole> { BridgeRole.Investigator }, TrainingCurrent: true, cletsAuthorized, IsApiToken: false);
}
