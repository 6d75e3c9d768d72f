using System.Net;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>Sessions on a fake clock: 30 minutes idle ends one; activity keeps it, but never past 12 hours from sign-in.</summary>
public sealed class SessionLimitTests
{
    [Fact]
    public async Task A_session_left_idle_for_31_minutes_has_ended()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bridge = await RunningBridge.StartAsync(nameof(A_session_left_idle_for_31_minutes_has_ended), services: s => s.AddSingleton<TimeProvider>(time));
        using var session = await bridge.SignInAsync(await bridge.CreateUserAsync("idle.user", [BridgeRole.Investigator]));

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(session));
        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
    }

    [Fact]
    public async Task An_active_session_ends_12_hours_after_sign_in()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bridge = await RunningBridge.StartAsync(nameof(An_active_session_ends_12_hours_after_sign_in), services: s => s.AddSingleton<TimeProvider>(time));
        using var session = await bridge.SignInAsync(await bridge.CreateUserAsync("busy.user", [BridgeRole.Investigator]));

        // A request every 20 minutes: never idle for 30, so only the 12-hour end stops it.
        var served = TimeSpan.Zero;
        while (served < TimeSpan.FromHours(11.5))
        {
            time.Advance(TimeSpan.FromMinutes(20));
            served += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, await MeAsync(session));
        }

        time.Advance(TimeSpan.FromHours(12) - served);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
    }

    private static async Task<HttpStatusCode> MeAsync(BridgeSession session)
    {
        using var response = await session.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        return response.StatusCode;
    }
}
