using System.Diagnostics;
using System.Globalization;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Npgsql;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// A real PostgreSQL server for one test collection: Debian's <c>postgresql</c> binaries, <c>initdb</c> in a temporary
/// folder, <c>pg_ctl</c> on a free loopback port, stopped and removed afterwards. PostgreSQL refuses to run as root, so
/// under root (as CI runs) the folder is handed to the <c>postgres</c> user the package creates and the tools run as it.
/// Durability is off (fsync, synchronous commit): the tests check behaviour, not crash safety.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SystemUser = "postgres";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-postgres-").FullName;
    private readonly bool _asSystemUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
    private string? _bin;
    private int _databases;

    public int Port { get; } = FreePort.Next();

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>A connection string for <paramref name="database"/> as the server's superuser (trust authentication on loopback).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = SystemUser,
        Pooling = true,
        Timeout = 15,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        if (_asSystemUser)
        {
            await RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", _directory], asSystemUser: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataDirectory, "-U", SystemUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        string settings = $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c listen_addresses=127.0.0.1 "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
    }

    /// <summary>Creates an empty database of its own for one test (class instance); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string testName)
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{new string([.. testName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40)])}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs one SQL statement in <paramref name="connectionString"/>'s database and returns every row's first column as text.</summary>
    public static async Task<IReadOnlyList<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? string.Empty : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_bin is not null && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        // Debian installs each major version under /usr/lib/postgresql/<version>/bin; take the newest.
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): run scripts/setup (it installs Debian's postgresql).");
    }

    private Task RunAsync(string executable, IReadOnlyList<string> arguments) => RunAsync(executable, arguments, _asSystemUser);

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments, bool asSystemUser)
    {
        var start = asSystemUser ? new ProcessStartInfo("runuser", ["-u", SystemUser, "--", executable, .. arguments]) : new ProcessStartInfo(executable, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {executable}");
        using var deadline = new CancellationTokenSource(ToolTimeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(executable)} did not finish within {ToolTimeout.TotalSeconds:0} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
