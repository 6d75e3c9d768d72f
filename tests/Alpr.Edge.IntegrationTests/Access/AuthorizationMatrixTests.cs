using System.Net;
using System.Text;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>
/// Every endpoint the running bridge maps (its <see cref="EndpointDataSource"/>), called by every role, without a session,
/// with an expired session and by a user whose training is not current, against the table below. An endpoint missing
/// from the table, or a table row the bridge does not map, fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>The principals, in the order of each row's columns.</summary>
    private static readonly string[] Principals = ["Administrator", "Operator", "Investigator", "RecordsManager", "Auditor", "no session", "expired session", "training lapsed", "partner agency"];

    // "ok": served (neither 401 nor 403); otherwise the exact status.
    //                                                                     Admin  Oper   Invest Records Audit  none   expired untrained partner
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["GET /health"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["GET /api/auth/antiforgery"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        // Wrong credentials (empty body) are the endpoint's own 401; the expired session's anti-forgery token names a user no longer signed in.
        ["POST /api/auth/sign-in"] = ["401", "401", "401", "401", "401", "401", "403", "401", "401"],
        ["POST /api/auth/code"] = ["401", "401", "401", "401", "401", "401", "403", "401", "401"],
        ["GET /api/auth/me"] = ["ok", "ok", "ok", "ok", "ok", "401", "401", "ok", "ok"],
        ["POST /api/auth/password"] = ["ok", "ok", "ok", "ok", "ok", "401", "401", "ok", "ok"],
        ["GET /api/reads"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/reads/{id:guid}"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/hits"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/hits/{id:guid}"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/dead-letters"] = ["ok", "ok", "403", "403", "403", "401", "401", "403", "403"],
        ["GET /api/events"] = ["ok", "ok", "403", "403", "403", "401", "401", "403", "403"],
        ["GET /api/devices"] = ["ok", "ok", "403", "403", "403", "401", "401", "403", "403"],
        ["POST /api/devices/{deviceId}/holds"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["POST /api/devices/{deviceId}/holds/{holdId:long}/release"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["GET /api/holds"] = ["ok", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["POST /api/holds"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["POST /api/holds/{id:guid}/release"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["POST /api/evidence/exports"] = ["ok", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/transfers"] = ["ok", "ok", "403", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/transfer-alerts"] = ["ok", "ok", "403", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/purposes"] = ["ok", "ok", "ok", "ok", "ok", "401", "401", "ok", "ok"],
        ["GET /api/search/reads"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/search/hits"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["POST /api/hits/{id:guid}/dispositions"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/hits/{id:guid}/dispositions"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["POST /api/hits/{id:guid}/actionable"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/hits/{id:guid}/images/{kind}"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/reports/misreads"] = ["ok", "ok", "ok", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/agencies"] = ["ok", "403", "ok", "403", "ok", "401", "401", "403", "403"],
        ["POST /api/agencies"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["POST /api/agencies/{ori}/verify"] = ["ok", "403", "403", "403", "403", "401", "401", "403", "403"],
        ["GET /api/shares"] = ["ok", "403", "ok", "403", "ok", "401", "401", "403", "403"],
        ["POST /api/shares"] = ["ok", "403", "ok", "403", "403", "401", "401", "403", "403"],
        ["GET /api/shared/reads"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "ok"],
        ["GET /api/shared/hits"] = ["403", "403", "ok", "403", "403", "401", "401", "403", "ok"],
        ["GET /api/records-requests"] = ["ok", "403", "403", "ok", "ok", "401", "401", "403", "403"],
        ["POST /api/records-requests"] = ["ok", "ok", "ok", "ok", "403", "401", "401", "403", "403"],
        ["POST /api/records-requests/{id:guid}/status"] = ["403", "403", "403", "ok", "403", "401", "401", "403", "403"],
        ["GET /api/audit/"] = ["ok", "403", "403", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/audit/checkpoints"] = ["ok", "403", "403", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/audit/reports"] = ["ok", "403", "403", "403", "ok", "401", "401", "403", "403"],
        ["GET /api/audit/reports/{section}"] = ["ok", "403", "403", "403", "ok", "401", "401", "403", "403"],
        // Last, as it ends the session.
        ["POST /api/auth/sign-out"] = ["ok", "ok", "ok", "ok", "ok", "401", "401", "ok", "ok"],
    };

    [Fact]
    public async Task Every_endpoint_answers_every_principal_as_the_table_says()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bridge = await RunningBridge.StartAsync(
            nameof(Every_endpoint_answers_every_principal_as_the_table_says), services: s => s.AddSingleton<TimeProvider>(time));

        var mapped = bridge.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
        Assert.Empty(mapped.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(mapped));
        var endpoints = Expected.Keys.ToList();

        var sessions = new List<BridgeSession>();
        foreach (var role in Enum.GetValues<BridgeRole>())
        {
            sessions.Add(await bridge.SignInAsync(await bridge.CreateUserAsync($"matrix-{role}".ToLowerInvariant(), [role])));
        }

        sessions.Add(await bridge.CreateSessionAsync());
        var expired = await bridge.SignInAsync(await bridge.CreateUserAsync("matrix-expired", Enum.GetValues<BridgeRole>()));
        sessions.Add(expired);
        sessions.Add(await bridge.SignInAsync(await bridge.CreateUserAsync("matrix-untrained", Enum.GetValues<BridgeRole>(), trainingCurrent: false)));
        sessions.Add(await bridge.SignInAsync(await bridge.CreateUserAsync("matrix-partner", Enum.GetValues<BridgeRole>(), agency: "CA0349999")));

        var failures = new StringBuilder();
        var checkedCount = 0;
        for (var column = 0; column < Principals.Length; column++)
        {
            if (sessions[column] == expired)
            {
                // Past the 30-minute idle limit: every session ends; this column runs last of all below.
                continue;
            }

            checkedCount += await CheckColumnAsync(sessions[column], column, endpoints, failures);
        }

        time.Advance(TimeSpan.FromMinutes(31));
        checkedCount += await CheckColumnAsync(expired, sessions.IndexOf(expired), endpoints, failures);

        foreach (var session in sessions)
        {
            session.Dispose();
        }

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.Equal(endpoints.Count * Principals.Length, checkedCount);
    }

    private static async Task<int> CheckColumnAsync(BridgeSession session, int column, List<string> endpoints, StringBuilder failures)
    {
        var count = 0;
        foreach (var endpoint in endpoints)
        {
            var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var path = pattern.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{deviceId}", "matrix-pole", StringComparison.Ordinal)
                .Replace("{holdId:long}", "1", StringComparison.Ordinal)
                .Replace("{kind}", "plate-crop", StringComparison.Ordinal)
                .Replace("{section}", "refused", StringComparison.Ordinal)
                .Replace("{ori}", "CA0349999", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method == "POST")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await session.Http.SendAsync(request);
            var expected = Expected[endpoint][column];
            var actual = (int)response.StatusCode;
            var ok = expected == "ok"
                ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                : actual.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected;
            if (!ok)
            {
                failures.AppendLine($"{endpoint} as {Principals[column]}: expected {expected}, got {actual} {await response.Content.ReadAsStringAsync()}");
            }

            count++;
        }

        return count;
    }
}
