using System.Security.Cryptography;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Contracts;
using Alpr.Edge.Contracts.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// Signs what the bridge tells devices, acknowledgements and commands, with the bridge's key: the P-256 key in the data
/// folder that also signs hot lists (<c>alpr-bridge hotlist keygen</c>; devices trust its public key through
/// <c>Uplink:TrustedBridgeKeyFiles</c>). Each message names its device, a nonce and an expiry. Without a key the messages go
/// unsigned, and devices that trust a bridge key refuse them.
/// </summary>
public sealed class BridgeMessageSigner : IDisposable
{
    /// <summary>How long an acknowledgement stays valid.</summary>
    public static readonly TimeSpan AcknowledgementLifetime = TimeSpan.FromMinutes(15);

    /// <summary>How long a command stays valid.</summary>
    public static readonly TimeSpan CommandLifetime = TimeSpan.FromHours(1);

    private readonly ECDsa? _key;
    private readonly UplinkSigner? _signer;
    private readonly TimeProvider _time;

    /// <summary>Loads the key from the data folder when it is there.</summary>
    public BridgeMessageSigner(IOptions<BridgeOptions> options, TimeProvider time, ILogger<BridgeMessageSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        var key = new HotlistSigningKey(options.Value.DataDirectory);
        if (File.Exists(key.PrivatePath))
        {
            _key = key.Load();
            _signer = new UplinkSigner(_key);
            IngestLog.SigningWith(logger, _signer.KeyId, key.PrivatePath);
        }
        else
        {
            IngestLog.NotSigning(logger, key.PrivatePath);
        }
    }

    /// <summary>Id of the key, or null when messages go unsigned.</summary>
    public string? KeyId => _signer?.KeyId;

    /// <summary>The payload of an acknowledgement of <paramref name="ids"/> to <paramref name="deviceId"/>.</summary>
    public byte[] Acknowledgement(string deviceId, IReadOnlyList<Guid> ids)
    {
        var now = _time.GetUtcNow();
        var acknowledgement = new ReadAcknowledgement { Ids = ids, StoredAt = now, DeviceId = deviceId, Nonce = Guid.NewGuid(), ExpiresAt = now + AcknowledgementLifetime };
        var json = WireFormat.Serialize(acknowledgement, ContractsJson.Default.ReadAcknowledgement);
        return _signer?.Sign(json) ?? json;
    }

    /// <summary>The payload of <paramref name="command"/> to <paramref name="deviceId"/>, its device and expiry filled in.</summary>
    public byte[] Command(string deviceId, DeviceCommandMessage command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var addressed = command with { DeviceId = deviceId, ExpiresAt = command.ExpiresAt ?? command.IssuedAt + CommandLifetime };
        var json = WireFormat.Serialize(addressed, ContractsJson.Default.DeviceCommandMessage);
        return _signer?.Sign(json) ?? json;
    }

    /// <inheritdoc />
    public void Dispose() => _key?.Dispose();
}
