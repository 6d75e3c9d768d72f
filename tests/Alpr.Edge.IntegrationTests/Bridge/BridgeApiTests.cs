using Alpr.Edge.Bridge.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alpr.Edge.Bridge.Web;

namespace Alpr.Edge.IntegrationTests.Bridge;

public sealed class BridgeApiTests
{
    [Fact]
    public async Task Api_returns_a_stored_read_and_every_access_is_audited_with_its_purpose()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Api_returns_a_stored_read_and_every_access_is_audited_with_its_purpose));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);
        using var http = bridge.CreateHttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reads?limit=10");
        request.Headers.Add("X-Purpose", "investigation");
        request.Headers.Add("X-Case", "2026-1234");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var reads = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = Assert.Single(reads.RootElement.EnumerateArray());
        Assert.Equal(read.Id, first.GetProperty("read").GetProperty("id").GetGuid());
        Assert.Equal("7ABC123", first.GetProperty("read").GetProperty("plate").GetString());

        using var one = await http.GetAsync(new Uri($"/api/reads/{read.Id}?purpose=patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var missing = await http.GetAsync(new Uri($"/api/reads/{Guid.NewGuid()}?purpose=patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Besides the bridge's own jobs at start (user system: the purge, the regular audit), one entry per request.
        var audit = (await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(10, CancellationToken.None))
            .Where(a => a.User != Alpr.Edge.Bridge.Holds.AuditedAction.SystemUser).ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal((RunningBridge.TestClientUser, "CA0010000", "api.GET"), (a.User, a.Agency, a.Action)));
        Assert.All(audit, a => Assert.Equal("127.0.0.1", a.RemoteAddress));
        Assert.Contains(audit, a => a.Target == "/api/reads?limit=10" && a.Purpose == "investigation" && a.CaseNumber == "2026-1234");
        Assert.Contains(audit, a => a.Target!.StartsWith($"/api/reads/{read.Id}", StringComparison.Ordinal) && a.Purpose == "patrol");
        Assert.Equal(2, audit.Count(a => a.Purpose == "patrol" && a.CaseNumber is null));
    }

    [Fact]
    public async Task Hits_endpoint_lists_hits_as_unverified()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Hits_endpoint_lists_hits_as_unverified));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var hit = TestRecords.Hit(TestRecords.Read("pole-1"));
        await device.PublishHitAsync(hit);
        await device.WaitForAcksAsync(hit.Id);
        using var http = bridge.CreateHttpClient();

        using var hits = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/hits?purpose=patrol", UriKind.Relative)));

        var first = Assert.Single(hits.RootElement.EnumerateArray()).GetProperty("hit");
        Assert.Equal(hit.Id, first.GetProperty("id").GetGuid());
        Assert.Equal("Unverified", first.GetProperty("verification").GetString());
    }

    [Fact]
    public async Task Limit_outside_1_to_500_is_a_bad_request()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Limit_outside_1_to_500_is_a_bad_request));
        using var http = bridge.CreateHttpClient();

        using var zero = await http.GetAsync(new Uri("/api/reads?limit=0&purpose=patrol", UriKind.Relative));
        using var huge = await http.GetAsync(new Uri("/api/hits?limit=501&purpose=patrol", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("limit must be between 1 and 500", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("limit must be between 1 and 500", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_ok_while_the_ingest_is_subscribed()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Health_is_ok_while_the_ingest_is_subscribed));
        using var http = bridge.CreateHttpClient();

        var health = await http.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative));

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("ingestConnected").GetBoolean());
    }

    [Fact]
    public async Task Page_is_served_at_the_root_and_warns_that_hits_are_unverified()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Page_is_served_at_the_root_and_warns_that_hits_are_unverified));
        using var http = bridge.CreateHttpClient();

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var script = await http.GetStringAsync(new Uri("/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hot-list hits", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("UNVERIFIED — verify through CLETS before any action", script, StringComparison.Ordinal);
    }
}
