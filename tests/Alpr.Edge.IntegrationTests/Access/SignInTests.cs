using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>Sign-in through the API: lockout, TOTP (wrong, replayed, enrolment), training, anti-forgery, one-time passwords.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task The_sixth_attempt_after_five_wrong_passwords_is_locked_out_even_with_the_right_password()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(The_sixth_attempt_after_five_wrong_passwords_is_locked_out_even_with_the_right_password));
        var account = await bridge.CreateUserAsync("locked.user", [BridgeRole.Investigator]);
        using var session = await bridge.CreateSessionAsync();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await session.PasswordAsync(account.UserName, "not the password at all");
            statuses.Add(wrong.StatusCode);
        }

        using var sixth = await session.PasswordAsync(account.UserName, account.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked], statuses);
        Assert.Equal(HttpStatusCode.Locked, sixth.StatusCode);
        Assert.Contains("locked", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "auth.lockout" && a.User == "locked.user");
        // Four failures and the refused sixth attempt are sign-in events; the fifth is the lockout.
        Assert.Equal(5, audit.Count(a => a.Action == "auth.sign-in" && a.Target == "locked.user"));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_a_replayed_code_is_refused_while_a_fresh_sign_in_works()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_wrong_code_is_refused_and_a_replayed_code_is_refused_while_a_fresh_sign_in_works));
        var account = await bridge.CreateUserAsync("totp.user", [BridgeRole.Investigator]);
        var code = TestTotp.Code(account.AuthenticatorKey);
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        using var first = await bridge.CreateSessionAsync();
        (await first.PasswordAsync(account.UserName, account.Password)).Dispose();
        using (var refused = await first.CodeAsync(wrong))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var accepted = await first.CodeAsync(code))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var second = await bridge.CreateSessionAsync();
        (await second.PasswordAsync(account.UserName, account.Password)).Dispose();
        using var replayed = await second.CodeAsync(code);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("already used", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await second.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var audit = await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, CancellationToken.None);
        Assert.Equal(2, audit.Count(a => a.Action == "auth.mfa" && a.Target == "totp.user"));
    }

    [Fact]
    public async Task A_user_without_an_authenticator_is_given_an_otpauth_uri_and_enrolled_by_its_first_code()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_user_without_an_authenticator_is_given_an_otpauth_uri_and_enrolled_by_its_first_code));
        var account = await bridge.CreateUserAsync("new.user", [BridgeRole.Auditor]);
        using var session = await bridge.CreateSessionAsync();

        using var password = await session.PasswordAsync(account.UserName, account.Password);
        using var progress = JsonDocument.Parse(await password.Content.ReadAsStringAsync());
        Assert.Equal("enrol", progress.RootElement.GetProperty("next").GetString());
        var uri = progress.RootElement.GetProperty("otpAuthUri").GetString()!;
        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Equal(account.AuthenticatorKey, TestTotp.KeyOf(uri));

        using var code = await session.CodeAsync(TestTotp.Code(TestTotp.KeyOf(uri)));
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        using var me = JsonDocument.Parse(await session.Http.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        Assert.Equal("new.user", me.RootElement.GetProperty("userName").GetString());
        Assert.Equal(["Auditor"], me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var scope = bridge.Host.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().Users.FindByNameAsync("new.user");
        Assert.True(user!.TwoFactorEnabled);
        Assert.Contains(await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, CancellationToken.None), a => a.Action == "user.mfa-enrolled" && a.Target == "new.user");
    }

    [Fact]
    public async Task Lapsed_training_refuses_data_with_the_reason_while_me_still_explains()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Lapsed_training_refuses_data_with_the_reason_while_me_still_explains));
        var account = await bridge.CreateUserAsync("lapsed.user", [BridgeRole.Investigator]);
        using (var scope = bridge.Host.Services.CreateScope())
        {
            var now = bridge.Time.GetUtcNow();
            var change = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .SetTrainingAsync("lapsed.user", "POST ALPR basic", now.AddYears(-2), now.AddDays(-1), AuditActor.CommandLine, CancellationToken.None);
            Assert.Null(change.Error);
        }

        using var session = await bridge.SignInAsync(account);
        using var reads = await session.Http.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative));
        using var me = JsonDocument.Parse(await session.Http.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Forbidden, reads.StatusCode);
        Assert.Contains("training", await reads.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(me.RootElement.GetProperty("trainingCurrent").GetBoolean());
        Assert.Contains("lapsed", me.RootElement.GetProperty("dataRefused").GetString(), StringComparison.Ordinal);
        Assert.Contains(await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, CancellationToken.None), a => a.Action == "access.refused" && a.User == "lapsed.user");
    }

    [Fact]
    public async Task A_state_changing_session_request_without_the_anti_forgery_header_is_refused()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_state_changing_session_request_without_the_anti_forgery_header_is_refused));
        using var session = await bridge.SignInAsync(await bridge.CreateUserAsync("csrf.user", [BridgeRole.Administrator]));
        session.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using var forged = await session.Http.PostAsJsonAsync("/api/holds", new { caseNumber = "2026-1" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("anti-forgery", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await bridge.Host.Store.GetHoldsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site_strict()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(The_session_cookie_is_secure_http_only_and_same_site_strict));
        var account = await bridge.CreateUserAsync("cookie.user", [BridgeRole.Investigator]);
        using var session = await bridge.CreateSessionAsync();
        (await session.PasswordAsync(account.UserName, account.Password)).Dispose();

        using var code = await session.CodeAsync(TestTotp.Code(account.AuthenticatorKey));

        var cookie = Assert.Single(code.Headers.GetValues("Set-Cookie"), c => c.StartsWith("alpr.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_password_lets_the_user_sign_in_but_refuses_data_until_it_is_changed()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_one_time_password_lets_the_user_sign_in_but_refuses_data_until_it_is_changed));
        AccountChange created;
        using (var scope = bridge.Host.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            created = await accounts.CreateAsync("first.admin", "CA0010000", ["Administrator", "Investigator"], false, AuditActor.CommandLine, CancellationToken.None);
            var now = bridge.Time.GetUtcNow();
            await accounts.SetTrainingAsync("first.admin", "POST ALPR basic", now.AddDays(-1), now.AddYears(1), AuditActor.CommandLine, CancellationToken.None);
        }

        using var session = await bridge.SignInAsync(new TestAccount("first.admin", created.OneTimePassword!, TestTotp.KeyOf(created.OtpAuthUri!)));
        using var before = await session.Http.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Contains("one-time password", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var banned = await session.Http.PostAsJsonAsync("/api/auth/password", new { currentPassword = created.OneTimePassword, newPassword = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, banned.StatusCode);
        using var tooShort = await session.Http.PostAsJsonAsync("/api/auth/password", new { currentPassword = created.OneTimePassword, newPassword = "short-1" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        using var changed = await session.Http.PostAsJsonAsync("/api/auth/password", new { currentPassword = created.OneTimePassword, newPassword = "a long and unusual passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await session.RefreshAntiforgeryAsync();

        using var after = await session.Http.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_its_session()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Disabling_a_user_ends_its_session));
        using var session = await bridge.SignInAsync(await bridge.CreateUserAsync("leaver", [BridgeRole.Investigator]));
        using (var ok = await session.Http.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var scope = bridge.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().DisableAsync("leaver", AuditActor.CommandLine, CancellationToken.None);
        }

        using var refused = await session.Http.GetAsync(new Uri("/api/reads?purpose=patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_hostile_user_name_is_refused_like_any_wrong_name_and_audited_as_text()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_hostile_user_name_is_refused_like_any_wrong_name_and_audited_as_text));
        await bridge.CreateUserAsync("real.user", [BridgeRole.Investigator]);
        using var session = await bridge.CreateSessionAsync();
        const string hostile = "x' OR '1'='1'; DROP TABLE users; -- <script>alert(1)</script>";

        using var response = await session.PasswordAsync(hostile, "' OR 1=1 --");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(20, CancellationToken.None), a => a.Action == "auth.sign-in" && a.User == hostile && a.Target == hostile);
        Assert.Equal(2, (await bridge.Host.Services.GetRequiredService<Alpr.Edge.Bridge.Storage.IAccountStore>().GetUsersAsync(CancellationToken.None)).Count);
    }
}
