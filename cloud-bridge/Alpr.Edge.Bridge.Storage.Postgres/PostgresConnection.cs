using Npgsql;

namespace Alpr.Edge.Bridge.Storage.Postgres;

/// <summary>
/// Checks and completes the PostgreSQL connection string from the bridge's options. The password never sits in the
/// connection string (which is in the config file): it is read from a file with owner-only permissions.
/// </summary>
public static class PostgresConnection
{
    /// <summary>
    /// Checks <paramref name="connectionString"/> and <paramref name="passwordFile"/>; false with one line per problem
    /// that names the key (<c>storage.connectionString</c>, <c>storage.passwordFile</c>) and the fix.
    /// </summary>
    public static bool TryValidate(string? connectionString, string? passwordFile, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var before = failures.Count;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("storage.connectionString: required for provider \"postgres\", e.g. \"Host=127.0.0.1;Port=5432;Database=alpr;Username=alpr\"");
        }
        else if (!TryParse(connectionString, out var builder, out var error))
        {
            failures.Add($"storage.connectionString: {error}");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(builder!.Host))
            {
                failures.Add("storage.connectionString: names no Host, e.g. \"Host=127.0.0.1;Database=alpr;Username=alpr\"");
            }

            if (!string.IsNullOrEmpty(builder.Password))
            {
                failures.Add("storage.connectionString: holds a password; remove it and put it in storage.passwordFile (a file only its owner can read)");
            }
        }

        if (passwordFile is not null)
        {
            CheckPasswordFile(passwordFile, failures);
        }

        return failures.Count == before;
    }

    /// <summary>The connection string with the password from <paramref name="passwordFile"/>, if any. Validate first.</summary>
    public static string Build(string connectionString, string? passwordFile)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (passwordFile is not null)
        {
            builder.Password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
        }

        return builder.ConnectionString;
    }

    /// <summary>Where the store is, for messages: <c>host:port/database</c>, never the password.</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";

    private static bool TryParse(string connectionString, out NpgsqlConnectionStringBuilder? builder, out string? error)
    {
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            builder = null;
            error = $"not a PostgreSQL connection string ({ex.Message.ReplaceLineEndings(" ")}); write it as \"Host=...;Port=5432;Database=...;Username=...\"";
            return false;
        }
    }

    private static void CheckPasswordFile(string path, ICollection<string> failures)
    {
        if (!File.Exists(path))
        {
            failures.Add($"storage.passwordFile: '{path}' not found");
            return;
        }

        const UnixFileMode OthersOrGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersOrGroup) != 0)
        {
            failures.Add($"storage.passwordFile: '{path}' can be read by others; chmod 600 it");
        }
    }
}
