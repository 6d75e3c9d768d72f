using System.Text.Json.Serialization;
using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.MqttTls;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>
/// Everything the bridge needs to run. Filled from defaults, then the <c>--config</c> JSON file,
/// then command-line options; validated by <see cref="BridgeOptionsValidator"/> before anything starts.
/// </summary>
public sealed class BridgeOptions
{
    /// <summary>Default MQTT broker when neither <see cref="Broker"/> nor <see cref="EmbeddedBrokerPort"/> is set.</summary>
    public const string DefaultBroker = "mqtt://127.0.0.1:1883";

    /// <summary>Folder that holds <c>bridge.db</c>; created when missing.</summary>
    public string DataDirectory { get; set; } = "./bridge-data";

    /// <summary>
    /// Where the web page and API listen: one or more URLs separated by ';'. Plain http only on loopback; any other address
    /// needs https with <see cref="WebCertificateFile"/> and <see cref="WebKeyFile"/>. Port 0 picks a free port.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>PEM file of the web server's TLS certificate (chain), for https URLs.</summary>
    public string? WebCertificateFile { get; set; }

    /// <summary>PEM file of the private key of <see cref="WebCertificateFile"/> (owner-only permissions).</summary>
    public string? WebKeyFile { get; set; }

    /// <summary>True when any of <see cref="Urls"/> is https (the web server then serves TLS and HSTS).</summary>
    [JsonIgnore]
    public bool UsesWebTls => (Urls ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>When set, the bridge runs its own MQTT broker on 127.0.0.1 at this port and ingests from it.</summary>
    public int? EmbeddedBrokerPort { get; set; }

    /// <summary>External broker as <c>mqtt://host:port</c> or <c>mqtts://host:port</c> (TLS); exclusive with <see cref="EmbeddedBrokerPort"/>.</summary>
    public string? Broker { get; set; }

    /// <summary>
    /// PEM file of the CA the broker's certificate must chain to (<c>mqtts://</c> only). When set, only this CA is
    /// trusted (the system's roots are not) and the certificate must name the broker's host; when not set, the system's roots are.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>PEM file of the bridge's client certificate for mutual TLS (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM file of the private key of <see cref="ClientCertificateFile"/> (owner-only permissions).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>The TLS files as the shared TLS code takes them.</summary>
    [JsonIgnore]
    public MqttTlsSettings Tls => new(CaFile, ClientCertificateFile, ClientKeyFile);

    /// <summary>Fixed MQTT client id: the broker keeps this session's queued QoS 1 messages while the bridge is away.</summary>
    public string ClientId { get; set; } = "alpr-bridge";

    /// <summary>
    /// When set, the bridge takes devices' reads, hits and events through the MQTT 5 shared subscription
    /// <c>$share/{group}/...</c>, so several bridge instances (each with its own <see cref="ClientId"/>) split one broker's
    /// traffic and each record reaches one of them. Status and health (retained) stay plain subscriptions. Null: plain.
    /// </summary>
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>How long the broker keeps the bridge's session (and queued messages) after it disconnects.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Deadline for connecting to the broker.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline for any other broker round trip (subscribe, publish an acknowledgement, disconnect).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting after a failed attempt; doubles up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnection attempts.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the supervising loop checks the connection when no disconnect was signalled.</summary>
    public TimeSpan ConnectionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Which central store the bridge keeps its records in (<c>storage</c> in the config file).</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>How long reads are kept and how often the purge runs (<c>retention</c> in the config file).</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>
    /// The transfer watch raises an alert for a device that has not transferred a read or hit for longer than this
    /// (default 7 days; at most <see cref="TransferPolicyLimit"/>, the policy's 30 days).
    /// </summary>
    public TimeSpan TransferAlertAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the transfer watch checks the devices (also once at start-up).</summary>
    public TimeSpan TransferCheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The department's ALPR policy: data reaches the server at least every 30 days.</summary>
    public static TimeSpan TransferPolicyLimit => TimeSpan.FromDays(30);

    /// <summary>
    /// The audit trail's checkpoint file (JSON lines, only appended to), which should lie outside the database's
    /// backups and ideally on other storage; default <c>audit-checkpoints.jsonl</c> in <see cref="DataDirectory"/>.
    /// </summary>
    public string? AuditCheckpointFile { get; set; }

    /// <summary>A checkpoint of the audit trail is signed every this many entries (default 100).</summary>
    public int AuditCheckpointEveryEntries { get; set; } = 100;

    /// <summary>A checkpoint of the audit trail is signed at least this often when entries were appended (default 5 minutes).</summary>
    public TimeSpan AuditCheckpointEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Start of the working day for the audit reports' after-hours section (default 07:00).</summary>
    public TimeSpan AuditWorkingHoursStart { get; set; } = TimeSpan.FromHours(7);

    /// <summary>End of the working day for the audit reports (default 19:00).</summary>
    public TimeSpan AuditWorkingHoursEnd { get; set; } = TimeSpan.FromHours(19);

    /// <summary>Time zone of the working hours, an IANA or Windows id (default <c>UTC</c>).</summary>
    public string AuditTimeZone { get; set; } = "UTC";

    /// <summary>The working hours as the reports take them (options validated first).</summary>
    public WorkingHours ResolveWorkingHours() =>
        new(AuditWorkingHoursStart, AuditWorkingHoursEnd, TimeZoneInfo.FindSystemTimeZoneById(AuditTimeZone));

    /// <summary>The checkpoint file in use: <see cref="AuditCheckpointFile"/>, else <c>audit-checkpoints.jsonl</c> in the data folder.</summary>
    public string ResolveAuditCheckpointFile() => AuditCheckpointFile ?? Path.Combine(DataDirectory, "audit-checkpoints.jsonl");

    /// <summary>Most unacknowledged QoS 1 messages the broker may send the bridge at once (MQTT 5 receive maximum).</summary>
    public int MaxInFlight { get; set; } = 100;

    /// <summary>
    /// The device ids the bridge takes messages from (until enrolment registers devices); others are dead-lettered and get
    /// no device row. Empty: any id, up to <see cref="MaxDevices"/> devices.
    /// </summary>
    public string[] AllowedDevices { get; set; } = [];

    /// <summary>
    /// The department's ORI. Users of another agency (a partner) see only what was shared with their agency
    /// (<c>/api/shared/...</c>); every other data endpoint refuses them.
    /// </summary>
    public string AgencyOri { get; set; } = "CA0000000";

    /// <summary>
    /// The purposes a data access may state (<c>purposes</c> in the config file), each saying whether it needs a case
    /// or incident number. Default: <see cref="PurposeOption.Defaults"/>.
    /// </summary>
    public PurposeOption[] Purposes { get; set; } = PurposeOption.Defaults();

    /// <summary>Most devices the registry takes without <see cref="AllowedDevices"/>; messages from further new ids are dead-lettered.</summary>
    public int MaxDevices { get; set; } = 1000;

    /// <summary>The broker the ingest connects to: the embedded one, <see cref="Broker"/>, or <see cref="DefaultBroker"/>.</summary>
    public Uri ResolveBrokerUri() =>
        EmbeddedBrokerPort is { } port ? new Uri($"mqtt://127.0.0.1:{port}") : new Uri(Broker ?? DefaultBroker);

    /// <summary>True for an <c>mqtts://</c> broker (TLS).</summary>
    public static bool UsesTls(Uri broker) => string.Equals(broker?.Scheme, "mqtts", StringComparison.OrdinalIgnoreCase);

    /// <summary>Path of the SQLite database (provider <c>sqlite</c>).</summary>
    [JsonIgnore]
    public string DatabasePath => Path.Combine(DataDirectory, "bridge.db");

    /// <summary>Copies every setting onto <paramref name="target"/> (used to feed the options pipeline).</summary>
    public void CopyTo(BridgeOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.DataDirectory = DataDirectory;
        target.Urls = Urls;
        target.WebCertificateFile = WebCertificateFile;
        target.WebKeyFile = WebKeyFile;
        target.EmbeddedBrokerPort = EmbeddedBrokerPort;
        target.Broker = Broker;
        target.CaFile = CaFile;
        target.ClientCertificateFile = ClientCertificateFile;
        target.ClientKeyFile = ClientKeyFile;
        target.ClientId = ClientId;
        target.SharedSubscriptionGroup = SharedSubscriptionGroup;
        target.SessionExpiry = SessionExpiry;
        target.ConnectTimeout = ConnectTimeout;
        target.OperationTimeout = OperationTimeout;
        target.ReconnectDelayMin = ReconnectDelayMin;
        target.ReconnectDelayMax = ReconnectDelayMax;
        target.ConnectionCheckInterval = ConnectionCheckInterval;
        target.MaxInFlight = MaxInFlight;
        target.AllowedDevices = [.. AllowedDevices];
        target.MaxDevices = MaxDevices;
        target.AgencyOri = AgencyOri;
        target.Purposes = [.. Purposes.Select(p => new PurposeOption { Name = p.Name, RequiresCase = p.RequiresCase })];
        target.TransferAlertAfter = TransferAlertAfter;
        target.TransferCheckEvery = TransferCheckEvery;
        target.AuditCheckpointFile = AuditCheckpointFile;
        target.AuditCheckpointEveryEntries = AuditCheckpointEveryEntries;
        target.AuditCheckpointEvery = AuditCheckpointEvery;
        target.AuditWorkingHoursStart = AuditWorkingHoursStart;
        target.AuditWorkingHoursEnd = AuditWorkingHoursEnd;
        target.AuditTimeZone = AuditTimeZone;
        target.Storage = new StorageOptions
        {
            Provider = Storage.Provider,
            ConnectionString = Storage.ConnectionString,
            PasswordFile = Storage.PasswordFile,
        };
        target.Retention = new RetentionOptions { ReadsKeptFor = Retention.ReadsKeptFor, PurgeEvery = Retention.PurgeEvery };
    }
}
