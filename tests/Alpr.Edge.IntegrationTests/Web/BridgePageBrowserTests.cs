using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Playwright;

namespace Alpr.Edge.IntegrationTests.Web;

/// <summary>The bridge's page in a real browser: what an officer sees after a device sends a hit.</summary>
public sealed class BridgePageBrowserTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Page_shows_a_new_hit_as_unverified_and_audits_the_stated_purpose()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Page_shows_a_new_hit_as_unverified_and_audits_the_stated_purpose));
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var account = await bridge.CreateUserAsync("browser.officer", [Alpr.Edge.Bridge.Access.Roles.BridgeRole.Investigator]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(bridge.Web.ToString());

        // Sign in through the page's form: password, then the authenticator's code (enrolment: the page shows the key's URI).
        await page.FillAsync("#user-name", account.UserName);
        await page.FillAsync("#password", account.Password);
        await page.ClickAsync("#sign-in-button");
        await Assertions.Expect(page.Locator("#enrol-uri")).ToContainTextAsync("otpauth://totp/");
        await page.FillAsync("#code", TestTotp.Code(account.AuthenticatorKey));
        await page.ClickAsync("#code-button");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("browser.officer");
        await page.SelectOptionAsync("#purpose", "investigation");
        await page.FillAsync("#case", "2026-0042");
        await page.DispatchEventAsync("#case", "change");

        await using (var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "browser-pole"))
        {
            var read = TestRecords.Read(device.DeviceId, plate: "6TRJ244");
            await device.PublishReadAsync(read);
            await device.PublishHitAsync(TestRecords.Hit(read));
        }

        // The page refreshes itself; the hit appears without a reload.
        var hitRow = page.Locator("#hits tr", new PageLocatorOptions { HasText = "6TRJ244" });
        await Assertions.Expect(hitRow).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(hitRow).ToContainTextAsync("UNVERIFIED");
        await Assertions.Expect(hitRow).ToContainTextAsync("verify through CLETS");

        var readRow = page.Locator("#reads tr", new PageLocatorOptions { HasText = "6TRJ244" });
        await Assertions.Expect(readRow).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Patience.TotalMilliseconds });

        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(50, CancellationToken.None);
        Assert.Contains(audit, a => a.Purpose == "investigation" && a.CaseNumber == "2026-0042" && a.User == "browser.officer");
    }
}
