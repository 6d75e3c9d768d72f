using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>CLETS-derived details by reference.</summary>
public abstract partial class CentralStoreContractTests
{
    private ICletsRecordStore Clets => (ICletsRecordStore)Store;

    [Fact]
    public async Task Clets_records_are_found_by_reference_and_a_newer_import_replaces_an_older_one()
    {
        await Clets.PutCletsRecordsAsync([new("CL-1", "stolen 2026-11-30, Sacramento PD", Noon, "ops"), new("CL-2", "wanted: felony warrant", Noon, "ops")], None);
        await Clets.PutCletsRecordsAsync([new("CL-1", "stolen 2026-11-30, recovered?", Noon.AddHours(1), "ops2")], None);

        var found = await Clets.GetCletsRecordsAsync(["CL-1", "CL-3", "CL-1"], None);

        var one = Assert.Single(found).Value;
        Assert.Equal(("CL-1", "stolen 2026-11-30, recovered?", Noon.AddHours(1), "ops2"), (one.Reference, one.Details, one.ImportedAt, one.ImportedBy));
        Assert.Empty(await Clets.GetCletsRecordsAsync([], None));
    }
}
