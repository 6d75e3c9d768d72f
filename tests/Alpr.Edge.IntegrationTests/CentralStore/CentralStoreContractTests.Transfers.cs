using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The transfer watch's store: last transfers per device, alerts stored once per last transfer.</summary>
public abstract partial class CentralStoreContractTests
{
    [Fact]
    public async Task Last_transfer_per_device_is_its_latest_received_read_or_hit()
    {
        await Store.AddReadAsync(Read(deviceId: "pole-1"), Noon.AddDays(-3), None);
        await Store.AddReadAsync(Read(deviceId: "pole-1"), Noon.AddDays(-2), None);
        await Store.AddHitAsync(Hit(Read(deviceId: "pole-1")), Noon.AddDays(-1), None);
        await Store.AddReadAsync(Read(deviceId: "pole-2"), Noon.AddDays(-9), None);

        var transfers = await Store.GetLastTransfersAsync(None);

        Assert.Equal(2, transfers.Count);
        Assert.Equal((Noon.AddDays(-1), Noon.AddDays(-9)), (transfers["pole-1"], transfers["pole-2"]));
    }

    [Fact]
    public async Task A_transfer_alert_is_stored_once_per_device_and_last_transfer_and_listed_newest_first()
    {
        var first = new TransferAlert("pole-2", Noon, Noon.AddDays(-9), Noon.AddDays(-12));
        var later = new TransferAlert("pole-2", Noon.AddDays(9), Noon.AddDays(-1), null);

        Assert.True(await Store.AddTransferAlertAsync(first, None));
        Assert.False(await Store.AddTransferAlertAsync(first with { RaisedAt = Noon.AddHours(1) }, None));
        Assert.True(await Store.AddTransferAlertAsync(later, None));

        Assert.Equal([later, first], await Store.GetTransferAlertsAsync(10, None));
    }
}
