using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>The transfer watch on the API (under <c>/api</c>, so audited): each device's transfers, and the alerts raised.</summary>
public static class TransferEndpoints
{
    /// <summary>Maps <c>/api/transfers</c> and <c>/api/transfer-alerts</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapTransferEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/transfers", GetTransfersAsync).WithSummary("Per device: last transfer, oldest un-transferred read, overdue").WithTags("transfers");
        api.MapGet("/transfer-alerts", GetAlertsAsync).WithSummary("Devices that did not transfer in time, newest first").WithTags("transfers");
        return api;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<DeviceTransferStatus>>> GetTransfersAsync(TransferWatchService watch, CancellationToken cancellationToken) =>
        TypedResults.Json(await watch.GetStatusAsync(cancellationToken), BridgeJson.Default.IReadOnlyListDeviceTransferStatus);

    private static async Task<Results<JsonHttpResult<IReadOnlyList<TransferAlert>>, ProblemHttpResult>> GetAlertsAsync(
        int? limit, ICentralStore store, CancellationToken cancellationToken)
    {
        if (!BridgeEndpoints.TryLimit(limit, out var count, out var problem))
        {
            return problem;
        }

        return TypedResults.Json(await store.GetTransferAlertsAsync(count, cancellationToken), BridgeJson.Default.IReadOnlyListTransferAlert);
    }
}
