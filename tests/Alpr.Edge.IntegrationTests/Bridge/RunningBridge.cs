using System.Net;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Access.Tokens;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// A bridge started in-process for one test: its own data folder and free ports, records printed to a
/// <see cref="StringWriter"/>, logs recorded. Disposing it stops it and fails the test if an error was logged.
/// </summary>
public sealed class RunningBridge : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly StringWriter _output;
    private readonly RecordingLoggerProvider _logs;
    private readonly bool _ownsDirectory;

    private RunningBridge(BridgeHost host, BridgeOptions options, StringWriter output, RecordingLoggerProvider logs, bool ownsDirectory)
    {
        Host = host;
        Options = options;
        _output = output;
        _logs = logs;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>The user behind <see cref="CreateHttpClient"/>: every role, training current, not audited when made.</summary>
    public const string TestClientUser = "test-client";

    /// <summary>The department's ORI in tests (<see cref="BridgeOptions.AgencyOri"/>); users are of this agency unless a test says otherwise.</summary>
    public const string DepartmentOri = "CA0010000";

    private string _token = string.Empty;

    public BridgeHost Host { get; }

    /// <summary>The bridge's clock (a fake one when the test gave one).</summary>
    public TimeProvider Time => Host.Services.GetRequiredService<TimeProvider>();

    public BridgeOptions Options { get; }

    public Uri Broker => Options.ResolveBrokerUri();

    public Uri Web => Host.WebAddresses[0];

    /// <summary>What the bridge printed on its record feed (standard output); a record is printed before it is acknowledged.</summary>
    public string Output => _output.ToString();

    public IReadOnlyList<RecordedLog> Logs => _logs.Logs;

    /// <summary>
    /// Starts a bridge with its embedded broker, or against <paramref name="broker"/>, and waits until it has subscribed.
    /// Its store is SQLite in the data folder unless <paramref name="storage"/> says otherwise.
    /// </summary>
    public static async Task<RunningBridge> StartAsync(
        string testName, Uri? broker = null, string? dataDirectory = null, StorageOptions? storage = null, Action<BridgeOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var options = new BridgeOptions
        {
            DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("alpr-bridge-test-").FullName,
            Urls = "http://127.0.0.1:0",
            EmbeddedBrokerPort = broker is null ? FreePort.Next() : null,
            Broker = broker?.ToString(),
            ClientId = ClientIdFor(testName),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            ConnectionCheckInterval = TimeSpan.FromSeconds(1),
            Storage = storage ?? new StorageOptions(),
            AgencyOri = DepartmentOri,
        };
        configure?.Invoke(options);
        var output = new StringWriter();
        var logs = new RecordingLoggerProvider();
        var host = BridgeApplication.Build(options, collection =>
        {
            collection.AddSingleton(new RecordPrinter(TextWriter.Synchronized(output), printPlates: true));
            collection.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(logs);
            });
            services?.Invoke(collection);
        });
        var bridge = new RunningBridge(host, options, output, logs, ownsDirectory: dataDirectory is null);
        using var deadline = new CancellationTokenSource(Timeout);
        await host.StartAsync(deadline.Token);
        await host.Ingest.WaitUntilReadyAsync(Timeout, deadline.Token);
        await bridge.CreateTestClientAsync(deadline.Token);
        return bridge;
    }

    /// <summary>A client id that names the test, within MQTT's practical length limit, the same for the same test.</summary>
    public static string ClientIdFor(string testName) =>
        $"bridge-{testName[..Math.Min(testName.Length, 40)]}-{(uint)testName.GetHashCode(StringComparison.Ordinal):x8}";

    /// <summary>A client with an API token of <see cref="TestClientUser"/> (every role, training current).</summary>
    public HttpClient CreateHttpClient()
    {
        var http = CreateAnonymousHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        return http;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousHttpClient() => new() { BaseAddress = Web, Timeout = Timeout };

    /// <summary>A client with its own cookies and an anti-forgery token, not signed in.</summary>
    public async Task<BridgeSession> CreateSessionAsync()
    {
        var session = new BridgeSession(Web, Timeout);
        await session.RefreshAntiforgeryAsync();
        return session;
    }

    /// <summary>
    /// Makes a user through the bridge's account service (audited) with <paramref name="roles"/>, a password that need not
    /// be changed, and training current unless <paramref name="trainingCurrent"/> is false.
    /// </summary>
    public async Task<TestAccount> CreateUserAsync(string userName, IReadOnlyList<BridgeRole> roles, bool trainingCurrent = true, string agency = DepartmentOri, bool cletsAuthorized = false)
    {
        using var scope = Host.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var actor = new AuditActor("test-setup", null, null);
        var created = await accounts.CreateAsync(userName, agency, [.. roles.Select(r => r.ToString())], cletsAuthorized, actor, CancellationToken.None);
        var user = created.User ?? throw new InvalidOperationException(created.Error);
        var password = $"test-{Guid.NewGuid():N}";
        await accounts.Users.RemovePasswordAsync(user);
        await accounts.Users.AddPasswordAsync(user, password);
        user.MustChangePassword = false;
        await accounts.Users.UpdateAsync(user);
        if (trainingCurrent)
        {
            var now = Time.GetUtcNow();
            await accounts.SetTrainingAsync(userName, "POST ALPR basic", now.AddDays(-30), now.AddDays(335), actor, CancellationToken.None);
        }

        return new TestAccount(user.UserName, password, user.AuthenticatorKey!);
    }

    /// <summary>Signs <paramref name="account"/> in (password, then a code from its authenticator) in a new session.</summary>
    public async Task<BridgeSession> SignInAsync(TestAccount account)
    {
        var session = await CreateSessionAsync();
        using (var password = await session.PasswordAsync(account.UserName, account.Password))
        {
            Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        }

        using (var code = await session.CodeAsync(TestTotp.Code(account.AuthenticatorKey)))
        {
            Assert.True(code.StatusCode == HttpStatusCode.OK, $"code step: {code.StatusCode} {await code.Content.ReadAsStringAsync()}");
        }

        await session.RefreshAntiforgeryAsync();
        return session;
    }

    /// <summary>Issues an API token for <paramref name="userName"/> through the bridge's token service (audited).</summary>
    public async Task<string> IssueTokenAsync(string userName, IReadOnlyList<BridgeRole> scopes, TimeSpan lifetime)
    {
        using var scope = Host.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var issued = await tokens.IssueAsync(userName, "test token", [.. scopes.Select(s => s.ToString())], lifetime, new AuditActor("test-setup", null, null), CancellationToken.None);
        return issued.Token ?? throw new InvalidOperationException(issued.Error);
    }

    /// <summary>The user and token of <see cref="CreateHttpClient"/>, written straight to the account store (no audit rows).</summary>
    private async Task CreateTestClientAsync(CancellationToken cancellationToken)
    {
        var accounts = Host.Services.GetRequiredService<IAccountStore>();
        var now = Time.GetUtcNow();
        var roles = Enum.GetNames<BridgeRole>();
        // A bridge restarted on the same data folder has the user already.
        var user = await accounts.FindUserByNameAsync(TestClientUser.ToUpperInvariant(), cancellationToken) ?? new UserAccount(
            Guid.NewGuid(), TestClientUser, TestClientUser.ToUpperInvariant(), DepartmentOri, null, false, Guid.NewGuid().ToString("N"), null, 0, null, false,
            null, null, false, true, "POST ALPR basic", now.AddDays(-1), now.AddYears(1), now, roles);
        await accounts.CreateUserAsync(user, cancellationToken);
        _token = ApiTokenService.Prefix + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        Assert.True(await accounts.AddApiTokenAsync(
            new ApiTokenRecord(Guid.NewGuid(), ApiTokenService.Hash(_token), "tests", user.Id, roles, now, now.AddYears(1), null), cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            await Host.StopAsync(deadline.Token);
        }

        await Host.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }

        var errors = Logs.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "the bridge logged errors:\n" + string.Join('\n', errors));
    }
}
