namespace Alpr.Edge.Bridge.Hosting;

/// <summary>
/// The central store: <c>"storage": { "provider": "sqlite" }</c> (the default: <c>bridge.db</c> in the data folder) or
/// <c>"storage": { "provider": "postgres", "connectionString": "Host=...;Database=...;Username=...", "passwordFile": "..." }</c>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The embedded store: one SQLite file in <see cref="BridgeOptions.DataDirectory"/>.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The production store: a PostgreSQL database.</summary>
    public const string Postgres = "postgres";

    /// <summary><see cref="Sqlite"/> (default) or <see cref="Postgres"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>PostgreSQL only: an Npgsql connection string without the password (<c>Host=...;Port=...;Database=...;Username=...</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL only: file holding the password, readable by its owner only (e.g. under systemd's credentials directory).</summary>
    public string? PasswordFile { get; set; }
}
