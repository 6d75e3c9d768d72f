using System.Net;
using System.Security.Claims;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class AccessAuditMiddlewareTests
{
    [Fact]
    public async Task Api_request_is_audited_with_time_user_address_path_and_purpose_before_it_is_served()
    {
        await using var database = await TempDatabase.CreateAsync();
        var time = new FakeTimeProvider(TestRecords.Noon);
        var served = false;
        var middleware = new AccessAuditMiddleware(
            async _ =>
            {
                served = true;
                Assert.Single(await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None));
            },
            Trail(database, time),
            NullLogger<AccessAuditMiddleware>.Instance);
        var context = Request("/api/reads", "?plate=7ABC123");
        context.Request.Headers["X-Purpose"] = "  case 2026-1234  ";

        await middleware.InvokeAsync(context);

        Assert.True(served);
        var entry = Assert.Single(await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None));
        Assert.Equal(
            (TestRecords.Noon, "anonymous", (string?)null, "127.0.0.1", "api.GET", "requested", "/api/reads?plate=7ABC123", "case 2026-1234", 1L),
            (entry.At, entry.User, entry.Agency, entry.RemoteAddress, entry.Action, entry.Outcome, entry.Target, entry.Purpose, entry.Sequence));
    }

    [Fact]
    public async Task Purpose_can_come_from_the_query_string()
    {
        await using var database = await TempDatabase.CreateAsync();
        var middleware = new AccessAuditMiddleware(_ => Task.CompletedTask, Trail(database, TimeProvider.System), NullLogger<AccessAuditMiddleware>.Instance);

        await middleware.InvokeAsync(Request("/api/hits", "?purpose=patrol%20briefing"));

        Assert.Equal("patrol briefing", Assert.Single(await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None)).Purpose);
    }

    [Fact]
    public async Task Page_and_health_requests_are_not_audited()
    {
        await using var database = await TempDatabase.CreateAsync();
        var middleware = new AccessAuditMiddleware(_ => Task.CompletedTask, Trail(database, TimeProvider.System), NullLogger<AccessAuditMiddleware>.Instance);

        await middleware.InvokeAsync(Request("/", string.Empty));
        await middleware.InvokeAsync(Request("/health", string.Empty));
        await middleware.InvokeAsync(Request("/apix", string.Empty));

        Assert.Empty(await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Api_request_is_refused_when_the_audit_row_cannot_be_written()
    {
        await using var database = await TempDatabase.CreateAsync();
        var served = false;
        var middleware = new AccessAuditMiddleware(
            _ =>
            {
                served = true;
                return Task.CompletedTask;
            },
            Trail(database, TimeProvider.System),
            NullLogger<AccessAuditMiddleware>.Instance);
        database.Store.Dispose();
        File.Delete(database.DatabasePath);
        Directory.Delete(Path.GetDirectoryName(database.DatabasePath)!);
        var context = Request("/api/reads", string.Empty);

        await middleware.InvokeAsync(context);

        Assert.False(served);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Directory.CreateDirectory(Path.GetDirectoryName(database.DatabasePath)!);
    }

    [Fact]
    public async Task Signed_in_user_and_agency_are_recorded_and_a_refused_request_gets_a_second_entry()
    {
        await using var database = await TempDatabase.CreateAsync();
        var middleware = new AccessAuditMiddleware(
            context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
            Trail(database, TimeProvider.System),
            NullLogger<AccessAuditMiddleware>.Instance);
        var context = Request("/api/audit", "?limit=5");
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "det.reyes"), new Claim(AccessClaims.Agency, "CA0190000")], "test"));

        await middleware.InvokeAsync(context);

        var entries = await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None);
        Assert.Equal(
            [("det.reyes", "CA0190000", "refused", 2L), ("det.reyes", "CA0190000", "requested", 1L)],
            entries.Select(e => (e.User, e.Agency, e.Outcome, e.Sequence)));
        Assert.All(entries, e => Assert.Equal("/api/audit?limit=5", e.Target));
    }

    private static ChainedAuditTrail Trail(TempDatabase database, TimeProvider time) =>
        new(database.Store, time, NullLogger<ChainedAuditTrail>.Instance);

    private static DefaultHttpContext Request(string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
