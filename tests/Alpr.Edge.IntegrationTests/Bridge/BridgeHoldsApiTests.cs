using Alpr.Edge.Bridge.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Contracts;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Bridge;

public sealed class BridgeHoldsApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_hold_placed_through_the_api_is_stored_audited_and_pushed_to_its_device()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_hold_placed_through_the_api_is_stored_audited_and_pushed_to_its_device));
        var commands = Channel.CreateUnbounded<string>();
        using var device = await SubscribeAsync(bridge.Broker, MqttTopics.Command("pole-1"), commands.Writer);
        using var http = bridge.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/holds")
        {
            Content = JsonContent.Create(new { caseNumber = "2026-117", reason = "robbery", by = "Det. Reyes", plate = "7abc123", deviceId = "pole-1" }),
        };
        request.Headers.Add("X-Purpose", "case 2026-117");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("pole-1", Assert.Single(body.RootElement.GetProperty("pushedTo").EnumerateArray()).GetString());
        var id = body.RootElement.GetProperty("hold").GetProperty("id").GetGuid();
        using var deadline = new CancellationTokenSource(Timeout);
        var command = await commands.Reader.ReadAsync(deadline.Token);
        Assert.Contains("\"place-hold\"", command, StringComparison.Ordinal);
        Assert.Contains("\"7ABC123\"", command, StringComparison.Ordinal);
        var hold = Assert.Single(await bridge.Host.Store.GetHoldsAsync(CancellationToken.None));
        Assert.Equal((id, "2026-117", "7ABC123", "pole-1", "Det. Reyes"), (hold.Id, hold.CaseNumber, hold.Plate, hold.DeviceId, hold.PlacedBy));
        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(10, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == AuditedAction.HoldPlaced && a.User == "Det. Reyes" && a.Purpose == "robbery" && a.RemoteAddress == "127.0.0.1" && a.CaseNumber == "2026-117");
        Assert.Contains(audit, a => a.Action == "api.POST" && a.Target == "/api/holds" && a.Purpose == "case 2026-117");
    }

    [Fact]
    public async Task Bad_holds_and_releases_through_the_api_get_a_problem_with_one_reason()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Bad_holds_and_releases_through_the_api_get_a_problem_with_one_reason));
        using var http = bridge.CreateHttpClient();

        var (noCriteria, noCriteriaDetail) = await PostAsync(http, "/api/holds", new { caseNumber = "C-1", reason = "x", by = "Det. Reyes" });
        var (backwards, backwardsDetail) = await PostAsync(http, "/api/holds", new { caseNumber = "C-1", reason = "x", by = "Det. Reyes", from = "2026-07-01T00:00:00Z", to = "2026-06-01T00:00:00Z" });
        var unknownId = Guid.NewGuid();
        var (unknown, unknownDetail) = await PostAsync(http, $"/api/holds/{unknownId}/release", new { by = "Sgt. Lee", reason = "closed" });
        var placed = await http.PostAsJsonAsync("/api/holds", new { caseNumber = "C-2", reason = "x", by = "Det. Reyes", deviceId = "pole-9" });
        using var placedBody = JsonDocument.Parse(await placed.Content.ReadAsStringAsync());
        var id = placedBody.RootElement.GetProperty("hold").GetProperty("id").GetGuid();
        var (released, _) = await PostAsync(http, $"/api/holds/{id}/release", new { by = "Sgt. Lee", reason = "closed" });
        var (again, againDetail) = await PostAsync(http, $"/api/holds/{id}/release", new { by = "Sgt. Lee", reason = "closed" });
        var (noReason, noReasonDetail) = await PostAsync(http, $"/api/holds/{id}/release", new { by = "Sgt. Lee" });

        Assert.Equal((HttpStatusCode.BadRequest, "hold: name a plate, a device or a time window"), (noCriteria, noCriteriaDetail));
        Assert.Equal((HttpStatusCode.BadRequest, "time window: 'to' must be later than 'from'"), (backwards, backwardsDetail));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.StartsWith($"no hold {unknownId}", unknownDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Contains("a device hold needs a plate or a whole time window", placedBody.RootElement.GetProperty("notPushed")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, released);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("was already released by Sgt. Lee", againDetail, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "reason: required (why the hold is released)"), (noReason, noReasonDetail));
        var holds = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/holds?case=C-2", UriKind.Relative)));
        Assert.Equal("Sgt. Lee", Assert.Single(holds.RootElement.EnumerateArray()).GetProperty("releasedBy").GetString());
        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(20, CancellationToken.None);
        Assert.Single(audit, a => a.Action == AuditedAction.HoldReleased);
    }

    [Fact]
    public async Task A_case_exported_through_the_api_lands_in_the_data_folder_signed_and_audited()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_case_exported_through_the_api_lands_in_the_data_folder_signed_and_audited));
        EvidenceKey.In(bridge.Options.DataDirectory).Create(replace: false, "verifiers trust");
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);
        using var http = bridge.CreateHttpClient();
        (await http.PostAsJsonAsync("/api/holds", new { caseNumber = "C-5", reason = "x", by = "Det. Reyes", plate = read.Plate })).EnsureSuccessStatusCode();

        var (noHold, noHoldDetail) = await PostAsync(http, "/api/evidence/exports", new { caseNumber = "C-404", by = "Det. Reyes", reason = "court" });
        var response = await http.PostAsJsonAsync("/api/evidence/exports", new { caseNumber = "C-5", by = "Det. Reyes", reason = "court" });

        Assert.Equal(HttpStatusCode.BadRequest, noHold);
        Assert.StartsWith("case C-404 has no hold in force", noHoldDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var folder = body.RootElement.GetProperty("folder").GetString()!;
        Assert.StartsWith(Path.Combine(Path.GetFullPath(bridge.Options.DataDirectory), "evidence-exports", "C-5-"), folder, StringComparison.Ordinal);
        Assert.Equal(1, body.RootElement.GetProperty("manifest").GetProperty("reads").GetInt32());
        var publicKey = await File.ReadAllTextAsync(EvidenceKey.In(bridge.Options.DataDirectory).PublicPath);
        Assert.Empty((await EvidenceVerifier.VerifyAsync(folder, publicKey, CancellationToken.None)).Problems);
        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(20, CancellationToken.None);
        Assert.Single(audit, a => a.Action == AuditedAction.EvidenceExported && a.User == "Det. Reyes" && a.Purpose == "court");
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        var detail = text.StartsWith('{') && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return (response.StatusCode, detail);
    }

    private static async Task<IMqttClient> SubscribeAsync(Uri broker, string topic, ChannelWriter<string> received)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TryWrite(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("holds-api-device-pole-1").Build(), deadline.Token);
        await client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        return client;
    }
}
