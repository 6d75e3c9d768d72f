using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Exceptions;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge hotlist publish --bundle FILE --device ID... | --all-known</c>: checks the bundle against the
/// bridge's own public key (so nothing devices would refuse goes out), then publishes it retained to each device.
/// </summary>
internal sealed class HotlistPublishCommand : Command
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Option<string> _data = HotlistCommand.DataOption();
    private readonly Option<string> _bundle = new("--bundle") { Description = "Signed bundle (alpr-bridge hotlist sign)", HelpName = "FILE", Required = true };
    private readonly Option<string[]> _devices = new("--device") { Description = "Device id to publish to (repeatable)", HelpName = "ID" };
    private readonly Option<bool> _allKnown = new("--all-known") { Description = "Also every device the bridge has heard from (bridge.db)" };
    private readonly Option<string> _broker = new("--broker") { Description = "MQTT broker", HelpName = "mqtt[s]://host:port", DefaultValueFactory = _ => BridgeOptions.DefaultBroker };
    private readonly BrokerTlsCliOptions _tls = new();
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public HotlistPublishCommand(TextWriter output, TextWriter error)
        : base("publish", "Publish a signed bundle to devices (retained) through the broker.")
    {
        _output = output;
        _error = error;
        Options.Add(_data);
        Options.Add(_bundle);
        Options.Add(_devices);
        Options.Add(_allKnown);
        Options.Add(_broker);
        _tls.AddTo(this);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var data = parseResult.GetValue(_data)!;
        var broker = parseResult.GetValue(_broker)!;
        var problems = new List<string>();
        var brokerOptions = new BridgeOptions { Broker = broker };
        _tls.ApplyTo(parseResult, brokerOptions);
        new BridgeOptionsValidator().Validate(null, brokerOptions).Failures?.ToList().ForEach(problems.Add);
        var devices = (parseResult.GetValue(_devices) ?? []).ToList();
        problems.AddRange(devices.Where(d => d.Length is 0 or > 64 || d.IndexOfAny(['/', '+', '#']) >= 0).Select(d => $"--device '{d}' is not a device id (1-64 characters, no / + #)"));
        if (problems.Count > 0)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, string.Join("; ", problems));
        }

        try
        {
            var bundle = await File.ReadAllBytesAsync(parseResult.GetValue(_bundle)!, cancellationToken);
            var key = new HotlistSigningKey(data);
            var verification = new HotlistBundleVerifier([SigningKeys.ReadPublicKeyPem(await File.ReadAllTextAsync(key.PublicPath, cancellationToken))]).Verify(bundle, 0);
            if (!verification.IsAccepted)
            {
                return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, $"not published: devices would refuse this bundle: {verification.Message}");
            }

            if (parseResult.GetValue(_allKnown))
            {
                devices.AddRange(await KnownDevicesAsync(data, cancellationToken));
            }

            devices = [.. devices.Distinct(StringComparer.Ordinal)];
            if (devices.Count == 0)
            {
                return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, "no devices: name them with --device ID or use --all-known");
            }

            await AuditAsync(data, verification.Document!, devices, cancellationToken);
            var published = await HotlistPublisher.PublishAsync(new Uri(broker), bundle, devices, Timeout, cancellationToken, brokerOptions.Tls);
            foreach (var device in published)
            {
                await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"published hot list version {verification.Document!.ListVersion} ({verification.Document.Entries.Count} entries) to {device} (retained)"));
            }

            return published.Count == devices.Count
                ? ExitCodes.Success
                : await HotlistCommand.FailAsync(_error, ExitCodes.Failure, $"the broker refused the bundle for {string.Join(", ", devices.Except(published))}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException
            or StoreUnavailableException or System.Data.Common.DbException)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, ex.Message);
        }
        catch (BrokerRefusedException ex)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, $"broker {broker} refused: {ex.Message}");
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, $"broker {broker} not reached within {Timeout.TotalSeconds:0} s: {ex.Message}");
        }
    }

    /// <summary>
    /// Appends the publish to the audit trail of the store in the data folder before anything is sent; when that fails
    /// the list is not published.
    /// </summary>
    private static async Task AuditAsync(string dataDirectory, HotlistDocument document, IReadOnlyList<string> devices, CancellationToken cancellationToken)
    {
        var options = new BridgeOptions { DataDirectory = dataDirectory };
        using var store = new SqliteCentralStore(options.DatabasePath, NullLogger<SqliteCentralStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        using var trail = CentralStores.TrailOf(store, TimeProvider.System);
        await trail.AppendAsync(
            new AuditEvent(Environment.UserName, null, null, AuditedAction.HotlistPublished, "requested",
                Target: string.Create(CultureInfo.InvariantCulture, $"hotlist version {document.ListVersion} ({document.Entries.Count} entries)"),
                Detail: "devices=" + string.Join(',', devices)),
            cancellationToken);
    }

    private static async Task<IEnumerable<string>> KnownDevicesAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var options = new BridgeOptions { DataDirectory = dataDirectory };
        if (!File.Exists(options.DatabasePath))
        {
            return [];
        }

        using var store = new SqliteCentralStore(options.DatabasePath, NullLogger<SqliteCentralStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        return (await store.GetDevicesAsync(cancellationToken)).Select(d => d.DeviceId);
    }
}
