using System.Net.Http.Json;
using System.Text.Json;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>A test client of the bridge with its own cookies (a browser, in effect) and the anti-forgery header set.</summary>
public sealed class BridgeSession : IDisposable
{
    public BridgeSession(Uri web, TimeSpan timeout)
    {
        Jar = new CookieJarHandler();
        Http = new HttpClient(Jar) { BaseAddress = web, Timeout = timeout };
    }

    public HttpClient Http { get; }

    public CookieJarHandler Jar { get; }

    /// <summary>Fetches an anti-forgery token (bound to whoever is signed in now) and sends it with every later request.</summary>
    public async Task RefreshAntiforgeryAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/auth/antiforgery", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", body.RootElement.GetProperty("token").GetString());
    }

    /// <summary>The password step; returns the response (the caller disposes it).</summary>
    public Task<HttpResponseMessage> PasswordAsync(string userName, string password) =>
        Http.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });

    /// <summary>The code step; returns the response (the caller disposes it).</summary>
    public Task<HttpResponseMessage> CodeAsync(string code) => Http.PostAsJsonAsync("/api/auth/code", new { code });

    public void Dispose()
    {
        Http.Dispose();
        Jar.Dispose();
    }
}
