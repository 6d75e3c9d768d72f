using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Partner agencies, shares and non-law-enforcement requests.</summary>
public abstract partial class CentralStoreContractTests
{
    private ISharingStore Sharing => (ISharingStore)Store;

    [Fact]
    public async Task A_partner_is_registered_once_and_verified_by_an_administrator()
    {
        Assert.True(await Sharing.AddPartnerAsync(new("CA0349999", "Yolo County SO", "Lt. Park, 530-555-0100", "admin", Noon, null, null), None));
        Assert.False(await Sharing.AddPartnerAsync(new("CA0349999", "Impostor", "x", "admin", Noon, null, null), None));
        Assert.False(Assert.Single(await Sharing.GetPartnersAsync(None)).IsVerified);

        Assert.True(await Sharing.VerifyPartnerAsync("CA0349999", "cmdr. ortiz", Noon.AddHours(1), None));
        Assert.False(await Sharing.VerifyPartnerAsync("CA0000000", "cmdr. ortiz", Noon, None));

        var partner = Assert.Single(await Sharing.GetPartnersAsync(None));
        Assert.Equal(("Yolo County SO", "cmdr. ortiz", Noon.AddHours(1)), (partner.Name, partner.VerifiedBy, partner.VerifiedAt));
    }

    [Fact]
    public async Task A_partner_sees_only_the_reads_and_hits_shared_with_it_for_access()
    {
        await Sharing.AddPartnerAsync(new("CA0349999", "Yolo County SO", "x", "admin", Noon, "admin", Noon), None);
        await Sharing.AddPartnerAsync(new("CA0341111", "Davis PD", "x", "admin", Noon, "admin", Noon), None);
        var shared = Read(plate: "7ABC123");
        var exported = Read(plate: "8DEF456");
        var other = Read(plate: "9GHI789");
        var hit = Hit(shared);
        foreach (var read in new[] { shared, exported, other })
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        await Store.AddHitAsync(hit, Noon, None);
        await Store.AddHitAsync(Hit(other), Noon, None);
        await Sharing.AddShareAsync(new(Guid.NewGuid(), "CA0349999", ShareMode.Access, [shared.Id], [hit.Id], "joint task force", "2026-77", "det. rivera", Noon), None);
        await Sharing.AddShareAsync(new(Guid.NewGuid(), "CA0349999", ShareMode.Export, [exported.Id], [], "court", null, "det. rivera", Noon.AddMinutes(1)), None);

        Assert.Equal(shared.Id, Assert.Single(await Sharing.GetSharedReadsAsync("CA0349999", 10, None)).Read.Id);
        Assert.Equal(hit.Id, Assert.Single(await Sharing.GetSharedHitsAsync("CA0349999", 10, None)).Hit.Id);
        Assert.Empty(await Sharing.GetSharedReadsAsync("CA0341111", 10, None));
        var shares = await Sharing.GetSharesAsync("CA0349999", None);
        Assert.Equal([ShareMode.Export, ShareMode.Access], shares.Select(s => s.Mode));
        Assert.Equal([shared.Id], shares[1].ReadIds);
        Assert.Equal([hit.Id], shares[1].HitIds);
        Assert.Equal("2026-77", shares[1].CaseNumber);
        Assert.Empty(await Sharing.GetSharesAsync("CA0341111", None));
        Assert.Equal(2, (await Sharing.GetSharesAsync(null, None)).Count);
    }

    [Fact]
    public async Task A_records_request_keeps_every_status_with_who_when_and_why()
    {
        var request = new RecordsRequest(Guid.NewGuid(), "Sacramento Bee", "public-records", "all reads of 7ABC123 in November", Noon, "clerk. ames", []);
        await Sharing.AddRecordsRequestAsync(request, None);
        Assert.True(await Sharing.AddRecordsRequestEventAsync(request.Id, new(RecordsRequestStatus.UnderReview, null, "rm. cho", Noon.AddDays(1)), None));
        Assert.True(await Sharing.AddRecordsRequestEventAsync(request.Id, new(RecordsRequestStatus.Denied, "Gov. Code § 7923.600: investigatory records", "rm. cho", Noon.AddDays(2)), None));
        Assert.False(await Sharing.AddRecordsRequestEventAsync(Guid.NewGuid(), new(RecordsRequestStatus.Denied, "x", "rm. cho", Noon), None));

        var stored = Assert.Single(await Sharing.GetRecordsRequestsAsync(None));

        Assert.Equal(RecordsRequestStatus.Denied, stored.Status);
        Assert.Equal([RecordsRequestStatus.Received, RecordsRequestStatus.UnderReview, RecordsRequestStatus.Denied], stored.History.Select(e => e.Status));
        Assert.Equal(("clerk. ames", "Gov. Code § 7923.600: investigatory records"), (stored.History[0].By, stored.History[2].Reason));
    }
}
