using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>Sharing with partner agencies and non-law-enforcement requests through the API.</summary>
public sealed class BridgeSharingApiTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Records_are_shared_only_with_a_registered_and_verified_agency_and_each_share_says_what_to_whom_and_why()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Records_are_shared_only_with_a_registered_and_verified_agency_and_each_share_says_what_to_whom_and_why));
        var read = TestRecords.Read("pole-1");
        await bridge.Host.Store.AddReadAsync(read, TestRecords.CapturedAt, None);
        using var http = bridge.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Purpose", "investigation");
        http.DefaultRequestHeaders.Add("X-Case", "2026-77");
        var share = new { ori = "CA0349999", readIds = new[] { read.Id }, reason = "joint task force, burglary series" };

        using var unknown = await http.PostAsJsonAsync(new Uri("/api/shares", UriKind.Relative), share);
        using var registered = await http.PostAsJsonAsync(new Uri("/api/agencies", UriKind.Relative), new { ori = "ca0349999", name = "Yolo County SO", contact = "Lt. Park" });
        using var twice = await http.PostAsJsonAsync(new Uri("/api/agencies", UriKind.Relative), new { ori = "CA0349999", name = "Impostor", contact = "x" });
        using var badOri = await http.PostAsJsonAsync(new Uri("/api/agencies", UriKind.Relative), new { ori = "'; DROP--", name = "x", contact = "x" });
        using var unverified = await http.PostAsJsonAsync(new Uri("/api/shares", UriKind.Relative), share);
        using var verified = await http.PostAsync(new Uri("/api/agencies/CA0349999/verify", UriKind.Relative), null);
        using var missingRead = await http.PostAsJsonAsync(new Uri("/api/shares", UriKind.Relative), share with { readIds = new[] { Guid.NewGuid() } });
        using var shared = await http.PostAsJsonAsync(new Uri("/api/shares", UriKind.Relative), share);

        Assert.Contains("not a registered partner agency", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badOri.StatusCode);
        Assert.Contains("is not verified", await unverified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Contains("readIds: no read", await missingRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);

        using var shares = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/shares?ori=CA0349999", UriKind.Relative)));
        var one = Assert.Single(shares.RootElement.EnumerateArray());
        Assert.Equal(read.Id, Assert.Single(one.GetProperty("readIds").EnumerateArray()).GetGuid());
        Assert.Equal(("joint task force, burglary series", "2026-77", "Access"), (one.GetProperty("reason").GetString(), one.GetProperty("caseNumber").GetString(), one.GetProperty("mode").GetString()));
        var audit = await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(100, None);
        Assert.Equal(4, audit.Count(a => a.Action == "share.create" && a.Target == "agency:CA0349999"));
        Assert.Single(audit, a => a.Action == "agency.verify");
    }

    [Fact]
    public async Task A_records_request_moves_from_received_to_a_decision_with_its_reason_and_a_decision_is_final()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_records_request_moves_from_received_to_a_decision_with_its_reason_and_a_decision_is_final));
        using var http = bridge.CreateHttpClient();

        using var bad = await http.PostAsJsonAsync(new Uri("/api/records-requests", UriKind.Relative), new { requester = "Sacramento Bee", kind = "curiosity", scope = "x" });
        using var logged = await http.PostAsJsonAsync(new Uri("/api/records-requests", UriKind.Relative), new { requester = "Sacramento Bee", kind = "public-records", scope = "reads of 7ABC123, November" });
        var id = JsonDocument.Parse(await logged.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var status = new Uri($"/api/records-requests/{id}/status", UriKind.Relative);
        using var review = await http.PostAsJsonAsync(status, new { status = "UnderReview" });
        using var noReason = await http.PostAsJsonAsync(status, new { status = "Denied" });
        using var denied = await http.PostAsJsonAsync(status, new { status = "Denied", reason = "Gov. Code § 7923.600: investigatory records" });
        using var again = await http.PostAsJsonAsync(status, new { status = "Released", reason = "changed my mind" });
        using var unknown = await http.PostAsJsonAsync(new Uri($"/api/records-requests/{Guid.NewGuid()}/status", UriKind.Relative), new { status = "Denied", reason = "x" });

        Assert.Contains("kind: one of public-records, subpoena, other", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("a Denied decision needs its reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/records-requests", UriKind.Relative)));
        var history = Assert.Single(list.RootElement.EnumerateArray()).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ToList();
        Assert.Equal(["Received", "UnderReview", "Denied"], history);
    }
}
