using System.Security.Cryptography;
using System.Text;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>
/// Keyed blind index of plates: HMAC-SHA256 of the normalised plate under the index key, truncated to
/// 16 bytes. Equal plates give equal tags, so holds and re-sends can find records by plate, but the tag
/// reveals nothing about the plate without the key (no dictionary attack on the card alone).
/// </summary>
internal sealed class BlindIndex
{
    public const int TagBytes = 16;

    private readonly byte[] _key;

    public BlindIndex(ReadOnlySpan<byte> key)
    {
        _key = key.ToArray();
    }

    public byte[] Of(string plate)
    {
        var normalised = PlateNormalizer.Normalize(plate);
        Span<byte> text = stackalloc byte[Encoding.ASCII.GetMaxByteCount(normalised.Length)];
        var length = Encoding.ASCII.GetBytes(normalised, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, text[..length], mac);
        return mac[..TagBytes].ToArray();
    }
}
