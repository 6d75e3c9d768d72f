using System.Text.Json.Serialization.Metadata;
using Alpr.Edge.Contracts.Signing;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Hotlists.Bundles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Decides whether an acknowledgement or a command really comes from the bridge: with <see cref="UplinkOptions.TrustedBridgeKeyFiles"/>
/// set, only a message signed by one of those keys, for this device, unexpired and not seen before is opened
/// (<see cref="UplinkMessageOpener"/>); without keys the plain message is accepted as before. Shared by the ack handler
/// (MQTT receive loop) and the command handler (inbound queue), so it serialises the opener.
/// </summary>
internal sealed class BridgeMessageTrust : IDisposable
{
    private readonly UplinkMessageOpener? _opener;
    private readonly Lock _gate = new();

    public BridgeMessageTrust(IOptions<UplinkOptions> uplink, IOptions<DeviceOptions> device, TimeProvider time, ILogger<BridgeMessageTrust> logger)
    {
        var files = uplink.Value.TrustedBridgeKeyFiles;
        if (files.Length == 0)
        {
            UplinkLog.UnsignedAccepted(logger);
            return;
        }

        _opener = new UplinkMessageOpener(files.Select(f => SigningKeys.ReadPublicKeyPem(File.ReadAllText(f))), device.Value.DeviceId ?? string.Empty, time);
        var keyIds = string.Join(", ", _opener.KeyIds);
        UplinkLog.SignedRequired(logger, keyIds);
    }

    /// <summary>Whether messages must be signed.</summary>
    public bool Required => _opener is not null;

    /// <summary>
    /// Opens <paramref name="payload"/>: signed and checked when keys are trusted, plain otherwise; false with a one-line
    /// reason (for a plain message, the parser's).
    /// </summary>
    public bool TryOpen<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, Func<T, SignedClaims> claimsOf, bool checkReplay, out T? message, out string? refusal)
        where T : class
    {
        if (_opener is null)
        {
            return Contracts.WireFormat.TryParse(payload, typeInfo, out message, out refusal);
        }

        lock (_gate)
        {
            return _opener.TryOpen(payload, typeInfo, claimsOf, checkReplay, out message, out refusal);
        }
    }

    public void Dispose() => _opener?.Dispose();
}
