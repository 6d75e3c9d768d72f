using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// What an authenticator app does (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), for tests only: the bridge itself
/// checks codes with ASP.NET Core Identity's authenticator provider.
/// </summary>
public static class TestTotp
{
    /// <summary>The code for <paramref name="base32Key"/> at <paramref name="at"/> (default: now, the clock the framework checks against).</summary>
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this plays one in tests.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The key in an otpauth URI's <c>secret</c> parameter.</summary>
    public static string KeyOf(string otpAuthUri)
    {
        var query = new Uri(otpAuthUri).Query.TrimStart('?').Split('&');
        return Uri.UnescapeDataString(query.Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..]);
    }

    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in key.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
