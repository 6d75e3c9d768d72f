using System.Security.Cryptography;
using System.Text;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>
/// Keyed blind index of plates: HMAC-SHA256 of the normalised plate under the index key, truncated to
/// 16 bytes. Equal plates give equal tags, so holds and re-sends can find records by plate, but the tag
/// reveals nothing about the plate without the key (no dictionary attack on the card alone).
/// </summary>
internal sealed class BlindIndex : IDisposable
{
    public const int TagBytes = 16;

    private readonly HMACSHA256 _hmac; // keyed once: HMACSHA256.HashData(key, ...) redid the key schedule per plate
    private readonly Lock _use = new();

    public BlindIndex(ReadOnlySpan<byte> key)
    {
        _hmac = new HMACSHA256(key.ToArray());
    }

    public byte[] Of(string plate)
    {
        var normalised = PlateNormalizer.Normalize(plate);
        Span<byte> text = stackalloc byte[Encoding.ASCII.GetMaxByteCount(normalised.Length)];
        var length = Encoding.ASCII.GetBytes(normalised, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        lock (_use)
        {
            _hmac.TryComputeHash(text[..length], mac, out _);
        }

        return mac[..TagBytes].ToArray();
    }

    public void Dispose()
    {
        lock (_use)
        {
            _hmac.Dispose();
        }
    }
}
