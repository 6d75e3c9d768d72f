namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// Keeps the bridge's cookies for one test client and sends them back. The bridge marks its cookies Secure; the tests
/// talk plain http on loopback, where <see cref="System.Net.CookieContainer"/> would withhold them, so this jar ignores
/// the attribute (and only the attribute).
/// </summary>
public sealed class CookieJarHandler : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public CookieJarHandler()
        : base(new HttpClientHandler { UseCookies = false })
    {
    }

    /// <summary>The cookies held, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, string>(_cookies);
            }
        }
    }

    /// <summary>Forgets one cookie (e.g. to send a request without the session).</summary>
    public void Remove(string name)
    {
        lock (_lock)
        {
            _cookies.Remove(name);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_lock)
            {
                foreach (var header in setCookies)
                {
                    Keep(header);
                }
            }
        }

        return response;
    }

    private void Keep(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var pair = parts[0].Split('=', 2);
        // The bridge deletes a cookie by sending it empty (expired in 1970).
        if (pair.Length < 2 || pair[1].Length == 0)
        {
            _cookies.Remove(pair[0]);
        }
        else
        {
            _cookies[pair[0]] = pair[1];
        }
    }
}
