using System.Net;
using System.Security.Cryptography.X509Certificates;
using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Access;

/// <summary>The web server over TLS from PEM files, with HSTS, and its security headers kept.</summary>
public sealed class WebTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-web-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_bridge_serves_https_from_pem_files_with_hsts_and_its_security_headers()
    {
        using var authority = new TestCertificates(_directory, "web");
        var files = authority.IssueBroker();
        await using var bridge = await RunningBridge.StartAsync(nameof(The_bridge_serves_https_from_pem_files_with_hsts_and_its_security_headers), configure: options =>
        {
            options.Urls = "https://127.0.0.1:0";
            options.WebCertificateFile = files.CertificateFile;
            options.WebKeyFile = files.KeyFile;
        });
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(authority.CaFile));
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = bridge.Web };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/antiforgery", UriKind.Relative));
        // HSTS is not sent to loopback host names; a real host name gets it.
        request.Headers.Host = "bridge.example";

        using var response = await http.SendAsync(request);

        Assert.Equal("https", bridge.Web.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("secure", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }
}
