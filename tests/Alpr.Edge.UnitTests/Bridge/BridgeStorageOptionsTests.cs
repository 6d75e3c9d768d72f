using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary><c>storage</c> in the config file: which store, checked at start-up, with one line that names the key.</summary>
[SupportedOSPlatform("linux")]
public sealed class BridgeStorageOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-bridge-storage-").FullName;

    [Theory]
    [InlineData("""{ "provider": "mysql" }""", "storage.provider: 'mysql' is not a store; use \"sqlite\"")]
    [InlineData("""{ "provider": "postgres" }""", "storage.connectionString: required for provider \"postgres\"")]
    [InlineData("""{ "provider": "postgres", "connectionString": "Hots=db;Database=alpr" }""", "storage.connectionString: not a PostgreSQL connection string")]
    [InlineData("""{ "provider": "postgres", "connectionString": "Database=alpr;Username=alpr" }""", "storage.connectionString: names no Host")]
    [InlineData("""{ "provider": "postgres", "connectionString": "Host=db;Username=alpr;Password=hunter2" }""", "storage.connectionString: holds a password; remove it and put it in storage.passwordFile")]
    [InlineData("""{ "provider": "postgres", "connectionString": "Host=db", "passwordFile": "/nonexistent/pw" }""", "storage.passwordFile: '/nonexistent/pw' not found")]
    [InlineData("""{ "connectionString": "Host=db" }""", "storage.connectionString and storage.passwordFile: only for provider \"postgres\"")]
    [InlineData("""{ "providr": "postgres" }""", "unknown key 'storage.providr'")]
    [InlineData("""{ "provider": "sqlite" }, "retention": { "readsKeptFor": "180.00:00:00" }""", "retention.readsKeptFor: 180.00:00:00 is shorter than the year Government Code § 34090.6 requires")]
    public async Task Bad_storage_settings_exit_2_with_one_line_naming_the_key(string storage, string expected)
    {
        var (exitCode, error) = await RunAsync($$"""{ "dataDirectory": "{{_directory}}", "storage": {{storage}} }""");

        Assert.Equal(ExitCodes.Usage, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_file_others_can_read_is_refused_and_an_owner_only_one_is_accepted()
    {
        var passwordFile = Path.Combine(_directory, "pg-password");
        File.WriteAllText(passwordFile, "secret\n");
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var options = new BridgeOptions
        {
            Storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = "Host=db;Database=alpr;Username=alpr", PasswordFile = passwordFile },
        };

        var refused = new BridgeOptionsValidator().Validate(null, options);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var accepted = new BridgeOptionsValidator().Validate(null, options);

        Assert.Equal($"storage.passwordFile: '{passwordFile}' can be read by others; chmod 600 it", Assert.Single(refused.Failures!));
        Assert.True(accepted.Succeeded);
        Assert.Contains("Password=secret", Alpr.Edge.Bridge.Storage.Postgres.PostgresConnection.Build(options.Storage.ConnectionString!, passwordFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_is_the_default_store()
    {
        var options = new BridgeOptions();

        Assert.Equal(StorageOptions.Sqlite, options.Storage.Provider);
        Assert.True(new BridgeOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task Unreachable_postgres_server_exits_1_with_one_line_and_no_stack_trace()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, error) = await RunAsync($$"""
            {
              "dataDirectory": "{{_directory}}", "urls": "http://127.0.0.1:0", "broker": "mqtt://127.0.0.1:1",
              "storage": { "provider": "postgres", "connectionString": "Host=127.0.0.1;Port={{closedPort}};Database=alpr;Username=alpr;Timeout=5" }
            }
            """);

        Assert.Equal(ExitCodes.Failure, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"alpr-bridge: cannot reach PostgreSQL 127.0.0.1:{closedPort}/alpr: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Error)> RunAsync(string configJson)
    {
        var config = Path.Combine(_directory, "bridge.json");
        await File.WriteAllTextAsync(config, configJson);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(["run", "--config", config], output, error, CancellationToken.None);
        return (exitCode, error.ToString());
    }
}
