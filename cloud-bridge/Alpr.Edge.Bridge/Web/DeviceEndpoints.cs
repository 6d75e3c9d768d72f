using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Devices, their events, and the hold commands sent to them (all under <c>/api</c>, so every access is audited).
/// A hold needs a stated purpose (the <c>X-Purpose</c> header or <c>purpose</c> query parameter); it is the
/// command's reason on the device.
/// </summary>
public static class DeviceEndpoints
{
    /// <summary>Maps <c>/api/events</c>, <c>/api/devices</c> and the hold commands onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/events", GetEventsAsync);
        api.MapGet("/devices", GetDevicesAsync);
        api.MapPost("/devices/{deviceId}/holds", PlaceHoldAsync);
        api.MapPost("/devices/{deviceId}/holds/{holdId:long}/release", ReleaseHoldAsync);
        return api;
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<StoredEvent>>, ProblemHttpResult>> GetEventsAsync(
        int? limit, string? device, ICentralStore store, CancellationToken cancellationToken)
    {
        var count = limit ?? BridgeEndpoints.DefaultLimit;
        if (count is < 1 or > BridgeEndpoints.MaxLimit)
        {
            return TypedResults.Problem(detail: $"limit must be between 1 and {BridgeEndpoints.MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        }

        var events = await store.GetRecentEventsAsync(count, string.IsNullOrWhiteSpace(device) ? null : device.Trim(), cancellationToken);
        return TypedResults.Json(events, BridgeJson.Default.IReadOnlyListStoredEvent);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<DeviceSummary>>> GetDevicesAsync(ICentralStore store, CancellationToken cancellationToken) =>
        TypedResults.Json(await store.GetDevicesAsync(cancellationToken), BridgeJson.Default.IReadOnlyListDeviceSummary);

    private static async Task<Results<JsonHttpResult<CommandAccepted>, ProblemHttpResult>> PlaceHoldAsync(
        string deviceId, HoldCommandRequest body, HttpRequest request, MqttIngestService ingest, TimeProvider time, CancellationToken cancellationToken)
    {
        var hold = new HoldSpec { Plate = body.Plate?.Trim().ToUpperInvariant(), From = body.From, To = body.To, RecordId = body.RecordId };
        return await SendAsync(deviceId, request, ingest, time, purpose => new DeviceCommandMessage
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Command = DeviceCommands.PlaceHold,
            Hold = hold,
            Reason = purpose,
            RequestedBy = RequesterOf(request),
            IssuedAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<CommandAccepted>, ProblemHttpResult>> ReleaseHoldAsync(
        string deviceId, long holdId, HttpRequest request, MqttIngestService ingest, TimeProvider time, CancellationToken cancellationToken) =>
        await SendAsync(deviceId, request, ingest, time, purpose => new DeviceCommandMessage
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Command = DeviceCommands.ReleaseHold,
            HoldId = holdId,
            Reason = purpose,
            RequestedBy = RequesterOf(request),
            IssuedAt = time.GetUtcNow(),
        }, cancellationToken);

    private static string RequesterOf(HttpRequest request) => Accessor.From(request.HttpContext.User)?.UserName ?? AccessAuditMiddleware.LocalUser;

    private static async Task<Results<JsonHttpResult<CommandAccepted>, ProblemHttpResult>> SendAsync(
        string deviceId, HttpRequest request, MqttIngestService ingest, TimeProvider time, Func<string, DeviceCommandMessage> build, CancellationToken cancellationToken)
    {
        if (MqttTopics.DeviceIdOf(MqttTopics.Command(deviceId)) != deviceId || deviceId.Length > 128)
        {
            return TypedResults.Problem(detail: "device id must be 1-128 characters without '/'", statusCode: StatusCodes.Status400BadRequest);
        }

        var purpose = AccessAuditMiddleware.PurposeOf(request);
        if (purpose is null)
        {
            return TypedResults.Problem(detail: $"a hold needs a purpose: send the {AccessAuditMiddleware.PurposeHeader} header (case number, order...)", statusCode: StatusCodes.Status400BadRequest);
        }

        var command = build(purpose);
        if (!await ingest.SendCommandAsync(deviceId, command, cancellationToken))
        {
            return TypedResults.Problem(detail: "the bridge is not connected to the broker; try again", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Json(new CommandAccepted(command.Id, deviceId, command.Command), BridgeJson.Default.CommandAccepted, statusCode: StatusCodes.Status202Accepted);
    }
}
