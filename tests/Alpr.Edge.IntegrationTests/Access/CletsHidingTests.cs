using System.Net.Http.Headers;
using System.Text.Json;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Web;
using Alpr.Edge.IntegrationTests.Bridge;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>CLETS-derived details reach only users with the CLETS flag, in every endpoint that returns hits.</summary>
public sealed class CletsHidingTests
{
    private const string Details = "stolen 2026-11-30: 2019 Honda Civic, SPD 26-1180";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_endpoint_that_returns_hits_shows_clets_details_to_authorised_users_only()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Every_endpoint_that_returns_hits_shows_clets_details_to_authorised_users_only));
        var read = TestRecords.Read("pole-1");
        var hit = TestRecords.Hit(read) with { CletsReference = "CL-26-1180" };
        await bridge.Host.Store.AddReadAsync(read, TestRecords.CapturedAt, None);
        await bridge.Host.Store.AddHitAsync(hit, TestRecords.CapturedAt, None);
        await ((ICletsRecordStore)bridge.Host.Store).PutCletsRecordsAsync([new CletsRecord("CL-26-1180", Details, TestRecords.CapturedAt, "ops")], None);
        var sharing = (ISharingStore)bridge.Host.Store;
        await sharing.AddPartnerAsync(new PartnerAgency("CA0349999", "Yolo County SO", "x", "admin", TestRecords.CapturedAt, "admin", TestRecords.CapturedAt), None);
        await sharing.AddShareAsync(new Share(Guid.NewGuid(), "CA0349999", ShareMode.Access, [], [hit.Id], "task force", null, "admin", TestRecords.CapturedAt), None);

        await bridge.CreateUserAsync("clets.officer", [BridgeRole.Investigator], cletsAuthorized: true);
        await bridge.CreateUserAsync("plain.officer", [BridgeRole.Investigator]);
        await bridge.CreateUserAsync("partner.clets", [BridgeRole.Investigator], agency: "CA0349999", cletsAuthorized: true);
        await bridge.CreateUserAsync("partner.plain", [BridgeRole.Investigator], agency: "CA0349999");
        var department = new[] { $"/api/hits?purpose=patrol", $"/api/hits/{hit.Id}?purpose=patrol", $"/api/search/hits?purpose=patrol&plate={read.Plate}" };
        var partner = new[] { "/api/shared/hits?purpose=patrol" };

        foreach (var (user, paths, authorised) in new[]
                 {
                     ("clets.officer", department, true), ("plain.officer", department, false),
                     ("partner.clets", partner, true), ("partner.plain", partner, false),
                 })
        {
            using var http = bridge.CreateAnonymousHttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await bridge.IssueTokenAsync(user, [BridgeRole.Investigator], TimeSpan.FromHours(1)));
            foreach (var path in paths)
            {
                var body = await http.GetStringAsync(new Uri(path, UriKind.Relative));
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                var view = root.ValueKind == JsonValueKind.Array ? root[0] : root.TryGetProperty("items", out var items) ? items[0] : root;
                var clets = view.GetProperty("clets");
                if (authorised)
                {
                    Assert.Equal(Details, clets.GetProperty("details").GetString());
                }
                else
                {
                    Assert.Equal(HitViews.NotAuthorised, clets.GetProperty("notice").GetString());
                    Assert.DoesNotContain("Honda", body, StringComparison.Ordinal);
                    Assert.DoesNotContain("CL-26-1180", body, StringComparison.Ordinal);
                }
            }
        }
    }
}
