using Alpr.Edge.Bridge.Access.Purposes;
using System.Net;
using Alpr.Edge.Bridge.Storage.Postgres;
using Alpr.Edge.MqttTls;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>Checks <see cref="BridgeOptions"/>: each failure names the setting and the fix.</summary>
public sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    private static readonly MqttTlsKeys TlsKeys = new("broker", "mqtts://HOST:PORT", "caFile", "clientCertificateFile", "clientKeyFile");

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("dataDirectory: must not be empty");
        }

        ValidateUrls(options, failures);

        if (options.EmbeddedBrokerPort is { } port and (< 1 or > 65535))
        {
            failures.Add($"embeddedBrokerPort: {port} is not a TCP port (1-65535)");
        }

        if (options.EmbeddedBrokerPort is not null && options.Broker is not null)
        {
            failures.Add("broker: set either an external broker or an embedded broker port, not both");
        }

        var brokerValid = options.Broker is null || ValidateBroker(options.Broker, failures);
        if (options.EmbeddedBrokerPort is not null && options.Tls.Any)
        {
            failures.Add("caFile, clientCertificateFile and clientKeyFile: the embedded broker is plain TCP (demo only); remove them, or use an external broker mqtts://HOST:PORT");
        }
        else if (brokerValid)
        {
            MqttTlsValidation.Check(options.Tls, options.Broker is { } broker && BridgeOptions.UsesTls(new Uri(broker)), TlsKeys, failures);
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || options.ClientId.Length > 64)
        {
            failures.Add("clientId: must be 1 to 64 characters");
        }

        Positive(options.SessionExpiry, "sessionExpiry", failures);
        if (options.SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            failures.Add("sessionExpiry: too long for MQTT (at most ~136 years)");
        }

        Positive(options.ConnectTimeout, "connectTimeout", failures);
        Positive(options.OperationTimeout, "operationTimeout", failures);
        Positive(options.ReconnectDelayMin, "reconnectDelayMin", failures);
        Positive(options.ConnectionCheckInterval, "connectionCheckInterval", failures);
        if (options.ReconnectDelayMax < options.ReconnectDelayMin)
        {
            failures.Add("reconnectDelayMax: must be at least reconnectDelayMin");
        }

        if (options.MaxDevices is < 1 or > 1_000_000)
        {
            failures.Add($"maxDevices: {options.MaxDevices} must be 1 to 1000000");
        }

        foreach (var device in options.AllowedDevices ?? [])
        {
            if (!Ingest.IngestValueChecks.IsName(device))
            {
                failures.Add($"allowedDevices: '{device}' is not a device id (1 to 64 letters, digits, '-', '_' or '.')");
            }
        }

        if (options.MaxInFlight is < 1 or > ushort.MaxValue)
        {
            failures.Add($"maxInFlight: {options.MaxInFlight} must be 1 to {ushort.MaxValue}");
        }

        ValidateStorage(options.Storage, failures);
        ValidateRetention(options.Retention, failures);
        Positive(options.TransferAlertAfter, "transferAlertAfter", failures);
        Positive(options.TransferCheckEvery, "transferCheckEvery", failures);
        ValidateAudit(options, failures);
        if (options.TransferAlertAfter > BridgeOptions.TransferPolicyLimit)
        {
            failures.Add($"transferAlertAfter: {options.TransferAlertAfter:c} is longer than the 30 days the department's ALPR policy allows between transfers "
                + $"(data reaches the server at least every 30 days); set at most \"{BridgeOptions.TransferPolicyLimit:c}\"");
        }

        if (options.SharedSubscriptionGroup is { } group
            && (group.Length is 0 or > 32 || !group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            failures.Add($"sharedSubscriptionGroup: '{group}' must be 1-32 letters, digits, '-' or '_' (the group in $share/GROUP/...)");
        }

        if (options.SharedSubscriptionGroup is not null && options.EmbeddedBrokerPort is not null)
        {
            failures.Add("sharedSubscriptionGroup: the embedded broker serves one bridge; share a subscription on an external broker (Mosquitto 2, EMQX, HiveMQ)");
        }

        if (options.AgencyOri is not { Length: 9 } ori || !ori.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            failures.Add($"agencyOri: '{options.AgencyOri}' is not an ORI (9 upper-case letters and digits, e.g. CA0340000)");
        }

        failures.AddRange(PurposeCatalog.Validate(options.Purposes));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAudit(BridgeOptions options, List<string> failures)
    {
        if (options.AuditCheckpointEveryEntries is < 1 or > 1_000_000)
        {
            failures.Add($"auditCheckpointEveryEntries: {options.AuditCheckpointEveryEntries} must be 1 to 1000000");
        }

        Positive(options.AuditCheckpointEvery, "auditCheckpointEvery", failures);
        if (options.AuditWorkingHoursStart < TimeSpan.Zero || options.AuditWorkingHoursEnd > TimeSpan.FromDays(1)
            || options.AuditWorkingHoursStart >= options.AuditWorkingHoursEnd)
        {
            failures.Add("auditWorkingHoursStart and auditWorkingHoursEnd: must be times of day with the start before the end, e.g. \"07:00:00\" and \"19:00:00\"");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.AuditTimeZone ?? string.Empty, out _))
        {
            failures.Add($"auditTimeZone: '{options.AuditTimeZone}' is not a time zone; use an IANA id such as \"America/Los_Angeles\" or \"UTC\"");
        }

        if (options.AuditCheckpointFile is not { } file)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            failures.Add("auditCheckpointFile: must not be empty; leave it out for audit-checkpoints.jsonl in dataDirectory");
            return;
        }

        var full = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
        {
            failures.Add($"auditCheckpointFile: '{full}' is a folder; name a file, e.g. /var/log/alpr/audit-checkpoints.jsonl");
        }
        else if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            failures.Add($"auditCheckpointFile: folder '{folder}' does not exist; create it (ideally on storage other than the database's)");
        }
        else if (string.Equals(full, Path.GetFullPath(options.DatabasePath), StringComparison.Ordinal))
        {
            failures.Add("auditCheckpointFile: must not be the database itself; the checkpoints are kept outside it");
        }
    }

    private static void ValidateUrls(BridgeOptions options, List<string> failures)
    {
        var parts = (options.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            failures.Add("urls: at least one URL is required, e.g. http://127.0.0.1:5080");
            return;
        }

        foreach (var part in parts)
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"urls: '{part}' is not an http or https URL such as http://127.0.0.1:5080");
            }
            else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri.Host))
            {
                failures.Add($"urls: '{part}' serves other machines without TLS; use https://{uri.Authority} with webCertificateFile and webKeyFile, or a loopback address");
            }
        }

        var tls = parts.Any(p => p.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (tls && (string.IsNullOrWhiteSpace(options.WebCertificateFile) || string.IsNullOrWhiteSpace(options.WebKeyFile)))
        {
            failures.Add("webCertificateFile and webKeyFile: an https URL needs both (PEM files of the certificate and its key)");
        }
        else if (tls)
        {
            foreach (var (key, file) in new[] { ("webCertificateFile", options.WebCertificateFile!), ("webKeyFile", options.WebKeyFile!) })
            {
                if (!File.Exists(file))
                {
                    failures.Add($"{key}: '{file}' does not exist");
                }
            }
        }
        else if (options.WebCertificateFile is not null || options.WebKeyFile is not null)
        {
            failures.Add("webCertificateFile and webKeyFile: only for https URLs; add an https:// URL to urls or remove them");
        }
    }

    private static void ValidateStorage(StorageOptions? storage, List<string> failures)
    {
        switch (storage?.Provider)
        {
            case null:
                failures.Add("storage: must be an object such as { \"provider\": \"sqlite\" }");
                break;
            case StorageOptions.Sqlite:
                if (storage.ConnectionString is not null || storage.PasswordFile is not null)
                {
                    failures.Add("storage.connectionString and storage.passwordFile: only for provider \"postgres\"; the SQLite store is bridge.db in dataDirectory");
                }

                break;
            case StorageOptions.Postgres:
                PostgresConnection.TryValidate(storage.ConnectionString, storage.PasswordFile, failures);
                break;
            default:
                failures.Add($"storage.provider: '{storage.Provider}' is not a store; use \"sqlite\" (default, bridge.db in dataDirectory) or \"postgres\" (with storage.connectionString)");
                break;
        }
    }

    private static void ValidateRetention(RetentionOptions? retention, List<string> failures)
    {
        if (retention is null)
        {
            failures.Add("retention: must be an object such as { \"readsKeptFor\": \"365.00:00:00\" }");
            return;
        }

        if (retention.ReadsKeptFor < RetentionOptions.LegalMinimum)
        {
            failures.Add($"retention.readsKeptFor: {retention.ReadsKeptFor:c} is shorter than the year Government Code § 34090.6 requires reads to be kept; "
                + $"set at least \"{RetentionOptions.LegalMinimum:c}\"");
        }

        Positive(retention.PurgeEvery, "retention.purgeEvery", failures);
    }

    private static bool ValidateBroker(string broker, List<string> failures)
    {
        if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Port is < 1 or > 65535
            || uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            failures.Add($"broker: '{broker}' is not of the form mqtt://host:port or mqtts://host:port (TLS)");
            return false;
        }

        return true;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key}: must be a positive duration such as \"00:00:10\"");
        }
    }
}
