using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Access.Tokens;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>API tokens: scoped, expiring, revocable, stored hashed, acting (and audited) as their user.</summary>
public sealed class ApiTokenTests
{
    [Fact]
    public async Task A_token_works_in_scope_and_is_refused_out_of_scope_expired_and_revoked()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bridge = await RunningBridge.StartAsync(
            nameof(A_token_works_in_scope_and_is_refused_out_of_scope_expired_and_revoked), services: s => s.AddSingleton<TimeProvider>(time));
        await bridge.CreateUserAsync("lpr.integration", [BridgeRole.Investigator, BridgeRole.Auditor]);
        var investigator = await bridge.IssueTokenAsync("lpr.integration", [BridgeRole.Investigator], TimeSpan.FromDays(1));
        var auditor = await bridge.IssueTokenAsync("lpr.integration", [BridgeRole.Auditor], TimeSpan.FromDays(30));
        var revoked = await bridge.IssueTokenAsync("lpr.integration", [BridgeRole.Investigator], TimeSpan.FromDays(30));

        Assert.Equal(HttpStatusCode.OK, await GetAsync(bridge, investigator, "/api/reads?purpose=patrol"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(bridge, auditor, "/api/reads?purpose=patrol"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(bridge, auditor, "/api/transfers"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(bridge, "alpr_not-a-token-the-bridge-issued", "/api/reads?purpose=patrol"));

        using (var scope = bridge.Host.Services.CreateScope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<IAccountStore>().FindApiTokenAsync(ApiTokenService.Hash(revoked), CancellationToken.None);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(record!.Id, AuditActor.CommandLine, CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(bridge, revoked, "/api/reads?purpose=patrol"));
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(bridge, investigator, "/api/reads?purpose=patrol"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(bridge, auditor, "/api/transfers"));

        using var expired = Client(bridge, investigator);
        Assert.Contains("expired", await (await expired.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_hash_is_stored_a_token_needs_no_anti_forgery_and_acts_as_its_user()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Only_the_hash_is_stored_a_token_needs_no_anti_forgery_and_acts_as_its_user));
        await bridge.CreateUserAsync("hold.bot", [BridgeRole.Administrator]);
        var token = await bridge.IssueTokenAsync("hold.bot", [BridgeRole.Administrator], TimeSpan.FromDays(7));
        using var http = Client(bridge, token);

        var json = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/auth/me", UriKind.Relative));
        using var post = await http.PostAsJsonAsync("/api/holds", new { caseNumber = "2026-77", reason = "evidence", by = "hold.bot", plate = "7ABC123" });

        Assert.Equal("hold.bot", json.GetProperty("userName").GetString());
        Assert.True(json.GetProperty("apiToken").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var tokens = await bridge.Host.Services.GetRequiredService<IAccountStore>().GetApiTokensAsync(null, CancellationToken.None);
        Assert.DoesNotContain(tokens, t => t.TokenHash.Contains(token, StringComparison.Ordinal) || t.TokenHash == token);
        Assert.Contains(tokens, t => t.TokenHash == ApiTokenService.Hash(token));
    }

    [Fact]
    public async Task A_token_cannot_be_issued_with_a_role_its_user_does_not_hold_or_for_too_long()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_token_cannot_be_issued_with_a_role_its_user_does_not_hold_or_for_too_long));
        await bridge.CreateUserAsync("narrow.user", [BridgeRole.Auditor]);
        using var scope = bridge.Host.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        var outside = await tokens.IssueAsync("narrow.user", "x", ["Administrator"], TimeSpan.FromDays(1), AuditActor.CommandLine, CancellationToken.None);
        var tooLong = await tokens.IssueAsync("narrow.user", "x", ["Auditor"], TimeSpan.FromDays(400), AuditActor.CommandLine, CancellationToken.None);

        Assert.Null(outside.Token);
        Assert.Contains("Administrator", outside.Error, StringComparison.Ordinal);
        Assert.Null(tooLong.Token);
        Assert.Contains("365 days", tooLong.Error, StringComparison.Ordinal);
    }

    private static HttpClient Client(RunningBridge bridge, string token)
    {
        var http = bridge.CreateAnonymousHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<HttpStatusCode> GetAsync(RunningBridge bridge, string token, string path)
    {
        using var http = Client(bridge, token);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
