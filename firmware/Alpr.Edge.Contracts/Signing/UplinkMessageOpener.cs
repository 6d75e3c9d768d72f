using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Alpr.Edge.Contracts.Signing;

/// <summary>
/// The device's side: opens a <see cref="SignedMessage"/> from the bridge and refuses it unless it is signed by one of the
/// trusted keys, is for this device, has not expired, was not issued in the future, does not claim too long a life, and
/// has not been seen before (nonces are remembered until their message expires). Not thread-safe: one per handler.
/// </summary>
public sealed class UplinkMessageOpener : IDisposable
{
    /// <summary>Longest life a signed message may claim (expiry minus issue time).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    /// <summary>How far ahead of the device's clock an issue time may be.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Most nonces remembered; beyond it the oldest-expiring are forgotten first.</summary>
    public const int MaxRemembered = 20_000;

    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);
    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Dictionary<Guid, DateTimeOffset> _seen = [];

    /// <summary>Trusts the P-256 public keys <paramref name="subjectPublicKeyInfos"/> for messages to <paramref name="deviceId"/>.</summary>
    public UplinkMessageOpener(IEnumerable<byte[]> subjectPublicKeyInfos, string deviceId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfos);
        _deviceId = deviceId;
        _time = time;
        foreach (var spki in subjectPublicKeyInfos)
        {
            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out _);
            _keys[UplinkSigner.KeyIdOf(spki)] = key;
        }
    }

    /// <summary>Ids of the trusted keys.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>
    /// Opens <paramref name="payload"/> as a signed <typeparamref name="T"/>; false with a one-line <paramref name="refusal"/>
    /// naming what is wrong (unsigned, unknown key, bad signature, another device, expired, replayed...). Without
    /// <paramref name="checkReplay"/> a nonce seen before is let through (commands: the handler applies an id once and
    /// answers a QoS 1 re-delivery as a duplicate).
    /// </summary>
    public bool TryOpen<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, Func<T, SignedClaims> claimsOf, bool checkReplay, out T? message, out string? refusal)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(claimsOf);
        message = null;
        SignedMessage? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(payload, ContractsJson.Default.SignedMessage);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null || envelope.Format != SignedMessage.CurrentFormat)
        {
            refusal = $"not signed: a {typeof(T).Name} must come in a {SignedMessage.CurrentFormat} envelope signed by the bridge";
            return false;
        }

        if (!_keys.TryGetValue(envelope.KeyId ?? string.Empty, out var key))
        {
            refusal = $"signed with key {Shorten(envelope.KeyId)}, which is not a trusted bridge key";
            return false;
        }

        if (!key.VerifyData(envelope.Payload, envelope.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            refusal = $"the signature does not verify with bridge key {envelope.KeyId}";
            return false;
        }

        if (!WireFormat.TryParse(envelope.Payload, typeInfo, out var inner, out var error))
        {
            refusal = $"signed payload is not a {typeof(T).Name}: {error}";
            return false;
        }

        refusal = CheckClaims(claimsOf(inner!), checkReplay);
        if (refusal is not null)
        {
            return false;
        }

        message = inner;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private string? CheckClaims(SignedClaims claims, bool checkReplay)
    {
        var now = _time.GetUtcNow();
        if (claims.DeviceId != _deviceId)
        {
            return $"signed for device '{Shorten(claims.DeviceId)}', not this one";
        }

        if (claims.Nonce is not { } nonce || nonce == Guid.Empty || claims.IssuedAt is not { } issued || claims.ExpiresAt is not { } expires)
        {
            return "a signed message needs a nonce, issuedAt and expiresAt";
        }

        if (expires < now)
        {
            return $"expired at {expires:O}";
        }

        if (issued > now + MaxClockSkew || expires - issued > MaxLifetime || expires < issued)
        {
            return $"issued at {issued:O} to expire at {expires:O}: not a life this device accepts (issued at most {MaxClockSkew.TotalMinutes} minutes ahead, living at most {MaxLifetime.TotalHours} hours)";
        }

        if (checkReplay && _seen.ContainsKey(nonce))
        {
            return $"replayed: nonce {nonce} was seen before";
        }

        Remember(nonce, expires, now);
        return null;
    }

    private void Remember(Guid nonce, DateTimeOffset expires, DateTimeOffset now)
    {
        if (_seen.Count >= MaxRemembered)
        {
            foreach (var stale in _seen.Where(s => s.Value < now).Select(s => s.Key).ToList())
            {
                _seen.Remove(stale);
            }

            foreach (var oldest in _seen.OrderBy(s => s.Value).Take(_seen.Count - MaxRemembered + 1).Select(s => s.Key).ToList())
            {
                _seen.Remove(oldest);
            }
        }

        _seen[nonce] = expires;
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
