using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>Search, canvass and hit verification through the API: purpose-bound, paged, audited.</summary>
public sealed class BridgeSearchApiTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_search_without_a_purpose_or_without_the_case_its_purpose_needs_is_refused_and_the_refusal_audited()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_search_without_a_purpose_or_without_the_case_its_purpose_needs_is_refused_and_the_refusal_audited));
        using var http = bridge.CreateHttpClient();

        var none = await ProblemAsync(http, "/api/search/reads?plate=7ABC123");
        var unknown = await ProblemAsync(http, "/api/search/reads?plate=7ABC123&purpose=curiosity");
        var noCase = await ProblemAsync(http, "/api/search/reads?plate=7ABC123&purpose=investigation");
        var badCase = await ProblemAsync(http, "/api/search/reads?plate=7ABC123&purpose=investigation&case=%27%3B%20DROP%20TABLE%20reads");

        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Contains("a purpose is required", none.Detail, StringComparison.Ordinal);
        Assert.Contains("is not one of administrative, hit-verification, investigation", unknown.Detail, StringComparison.Ordinal);
        Assert.Contains("requires a case or incident number", noCase.Detail, StringComparison.Ordinal);
        Assert.Contains("case number: letters, digits", badCase.Detail, StringComparison.Ordinal);
        var refusals = (await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, None)).Where(a => a.Action == "access.refused").ToList();
        Assert.Equal(4, refusals.Count);
        Assert.Contains(refusals, a => a.Purpose == "curiosity");
    }

    [Fact]
    public async Task Partial_plate_search_and_canvass_page_through_the_reads_and_each_search_is_audited_with_its_criteria_and_count()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Partial_plate_search_and_canvass_page_through_the_reads_and_each_search_is_audited_with_its_criteria_and_count));
        var here = (Lat: 38.5816, Lon: -121.4944);
        for (var i = 0; i < 5; i++)
        {
            var read = TestRecords.Read("pole-1", $"7ABC12{i}") with { Latitude = here.Lat, Longitude = here.Lon, CapturedAt = TestRecords.CapturedAt.AddMinutes(i) };
            await bridge.Host.Store.AddReadAsync(read, TestRecords.CapturedAt, None);
        }

        await bridge.Host.Store.AddReadAsync(TestRecords.Read("pole-9", "7ABC129") with { Latitude = 34.05, Longitude = -118.24, CapturedAt = TestRecords.CapturedAt.AddMinutes(-1) }, TestRecords.CapturedAt, None);
        await bridge.Host.Store.AddReadAsync(TestRecords.Read("pole-1", "9ZZZ999") with { Latitude = here.Lat, Longitude = here.Lon }, TestRecords.CapturedAt, None);
        using var http = bridge.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Purpose", "investigation");
        http.DefaultRequestHeaders.Add("X-Case", "2026-1234");

        using var first = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/search/reads?plate=7ABC12?&pageSize=4", UriKind.Relative)));
        using var second = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/search/reads?plate=7ABC12?&pageSize=4&page=2", UriKind.Relative)));
        using var canvass = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/search/reads?lat={here.Lat}&lon={here.Lon}&radius=200", UriKind.Relative)));

        Assert.Equal(["7ABC124", "7ABC123", "7ABC122", "7ABC121"], Plates(first));
        Assert.True(first.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["7ABC120", "7ABC129"], Plates(second));
        Assert.False(second.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(6, Plates(canvass).Count);
        Assert.All(canvass.RootElement.GetProperty("items").EnumerateArray(), r => Assert.Equal("pole-1", r.GetProperty("read").GetProperty("deviceId").GetString()));
        var searches = (await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, None)).Where(a => a.Action == "reads.search").ToList();
        Assert.Equal(3, searches.Count);
        Assert.All(searches, a => Assert.Equal("investigation", a.Purpose));
        Assert.Contains(searches, a => a.Target == "/api/search/reads");

        var bad = await ProblemAsync(http, "/api/search/reads?lat=38.5&lon=-121.4");
        Assert.Contains("give lat, lon and radius", bad.Detail, StringComparison.Ordinal);
        var tooWide = await ProblemAsync(http, "/api/search/reads?lat=38.5&lon=-121.4&radius=90000");
        Assert.Contains("radius: must be", tooWide.Detail, StringComparison.Ordinal);
        var badTime = await ProblemAsync(http, "/api/search/reads?from=yesterday");
        Assert.Contains("from: must be a time", badTime.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hit_is_actionable_only_once_confirmed_and_its_history_keeps_every_disposition()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_hit_is_actionable_only_once_confirmed_and_its_history_keeps_every_disposition));
        var read = TestRecords.Read("pole-1");
        var hit = TestRecords.Hit(read);
        await bridge.Host.Store.AddReadAsync(read, TestRecords.CapturedAt, None);
        await bridge.Host.Store.AddHitAsync(hit, TestRecords.CapturedAt, None);
        using var http = bridge.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Purpose", "hit-verification");

        using var early = await http.PostAsync(new Uri($"/api/hits/{hit.Id}/actionable", UriKind.Relative), null);
        using var misread = await http.PostAsJsonAsync(new Uri($"/api/hits/{hit.Id}/dispositions", UriKind.Relative), new { disposition = "Misread", correctedPlate = "7abc128", note = "<script>alert(1)</script>" });
        using var noText = await http.PostAsJsonAsync(new Uri($"/api/hits/{hit.Id}/dispositions", UriKind.Relative), new { disposition = "Misread" });
        using var unverify = await http.PostAsJsonAsync(new Uri($"/api/hits/{hit.Id}/dispositions", UriKind.Relative), new { disposition = "Unverified" });
        using var unknown = await http.PostAsJsonAsync(new Uri($"/api/hits/{Guid.NewGuid()}/dispositions", UriKind.Relative), new { disposition = "Confirmed" });
        using var stillEarly = await http.PostAsync(new Uri($"/api/hits/{hit.Id}/actionable", UriKind.Relative), null);
        using var confirmed = await http.PostAsJsonAsync(new Uri($"/api/hits/{hit.Id}/dispositions", UriKind.Relative), new { disposition = "confirmed", note = "CLETS 10-851" });
        using var actionable = await http.PostAsync(new Uri($"/api/hits/{hit.Id}/actionable", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("is Unverified", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, misread.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unverify.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stillEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, actionable.StatusCode);

        using var history = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/hits/{hit.Id}/dispositions", UriKind.Relative)));
        var entries = history.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Misread", "Confirmed"], entries.Select(e => e.GetProperty("disposition").GetString()));
        Assert.Equal("7ABC128", entries[0].GetProperty("correctedPlate").GetString());
        Assert.Equal("<script>alert(1)</script>", entries[0].GetProperty("note").GetString());
        Assert.Equal(HitVerification.Confirmed, (await bridge.Host.Store.GetHitAsync(hit.Id, None))!.Hit.Verification);

        using var misreads = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/reports/misreads", UriKind.Relative)));
        var week = Assert.Single(misreads.RootElement.EnumerateArray());
        Assert.Equal(("pole-1", 1, 0), (week.GetProperty("deviceId").GetString(), week.GetProperty("verified").GetInt32(), week.GetProperty("misreads").GetInt32()));
        var audit = await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(100, None);
        Assert.Equal(3, audit.Count(a => a.Action == "hit.actionable"));
        Assert.Equal(3, audit.Count(a => a.Action == "hit.verify"));
    }

    [Fact]
    public async Task Lists_carry_links_not_images_and_opening_an_image_needs_a_purpose_and_is_audited()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Lists_carry_links_not_images_and_opening_an_image_needs_a_purpose_and_is_audited));
        byte[] crop = [0xFF, 0xD8, .. Enumerable.Repeat((byte)7, 50_000), 0xFF, 0xD9];
        var hits = Enumerable.Range(0, 10).Select(i => TestRecords.Hit(TestRecords.Read("pole-1", $"7ABC12{i}")) with { PlateCropJpeg = crop, OverviewJpeg = crop }).ToList();
        foreach (var hit in hits)
        {
            await bridge.Host.Store.AddHitAsync(hit, TestRecords.CapturedAt, None);
        }

        using var http = bridge.CreateHttpClient();
        var list = await http.GetStringAsync(new Uri("/api/hits?limit=10&purpose=patrol", UriKind.Relative));
        using var listed = JsonDocument.Parse(list);
        var link = listed.RootElement[0].GetProperty("images").GetProperty("plateCrop").GetString()!;
        using var refused = await http.GetAsync(new Uri(link, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("X-Purpose", "patrol");
        using var image = await http.SendAsync(request);

        Assert.True(list.Length < 20_000, $"10 hits with 100 KB of images each listed in {list.Length} bytes");
        Assert.DoesNotContain("plateCropJpeg", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(crop, await image.Content.ReadAsByteArrayAsync());
        var views = (await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, None)).Where(a => a.Action == "image.view").ToList();
        var view = Assert.Single(views);
        Assert.Equal(("patrol", $"hit:{hits[9].Id}/plate-crop"), (view.Purpose, view.Target));
    }

    private static List<string?> Plates(JsonDocument page) =>
        page.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("read").GetProperty("plate").GetString()).ToList();

    private static async Task<(HttpStatusCode Status, string Detail)> ProblemAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("detail").GetString() ?? string.Empty);
    }
}
