using System.Buffers.Binary;
using Alpr.Edge.Storage.Evidence;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>
/// The plaintext layouts inside sealed blobs (format byte first, lengths little-endian).
/// Record part: <c>1 | len | wire JSON | hasSite | lat | lon</c>. Images part: <c>1 | len | crop | len | overview</c>.
/// </summary>
internal static class PayloadCodec
{
    private const byte Format = 1;

    public static byte[] EncodeRecord(ReadOnlySpan<byte> wireJson, GeoPosition? site)
    {
        var buffer = new byte[1 + 4 + wireJson.Length + 1 + (site is null ? 0 : 16)];
        buffer[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), wireJson.Length);
        wireJson.CopyTo(buffer.AsSpan(5));
        var at = 5 + wireJson.Length;
        if (site is { } position)
        {
            buffer[at] = 1;
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at + 1), position.LatitudeDegrees);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(at + 9), position.LongitudeDegrees);
        }

        return buffer;
    }

    public static bool TryDecodeRecord(byte[] plaintext, out byte[] wireJson, out GeoPosition? site)
    {
        wireJson = [];
        site = null;
        if (plaintext.Length < 6 || plaintext[0] != Format)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(plaintext.AsSpan(1));
        if (length < 0 || 5 + length + 1 > plaintext.Length)
        {
            return false;
        }

        wireJson = plaintext.AsSpan(5, length).ToArray();
        var at = 5 + length;
        if (plaintext[at] == 1)
        {
            if (at + 17 > plaintext.Length)
            {
                return false;
            }

            site = new GeoPosition(
                BinaryPrimitives.ReadDoubleLittleEndian(plaintext.AsSpan(at + 1)),
                BinaryPrimitives.ReadDoubleLittleEndian(plaintext.AsSpan(at + 9)));
        }

        return true;
    }

    public static byte[] EncodeImages(ReadOnlySpan<byte> crop, ReadOnlySpan<byte> overview)
    {
        var buffer = new byte[1 + 4 + crop.Length + 4 + overview.Length];
        buffer[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), crop.Length);
        crop.CopyTo(buffer.AsSpan(5));
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(5 + crop.Length), overview.Length);
        overview.CopyTo(buffer.AsSpan(9 + crop.Length));
        return buffer;
    }

    public static bool TryDecodeImages(byte[] plaintext, out byte[] crop, out byte[] overview)
    {
        crop = [];
        overview = [];
        if (plaintext.Length < 9 || plaintext[0] != Format)
        {
            return false;
        }

        var cropLength = BinaryPrimitives.ReadInt32LittleEndian(plaintext.AsSpan(1));
        if (cropLength < 0 || 9 + cropLength > plaintext.Length)
        {
            return false;
        }

        var overviewLength = BinaryPrimitives.ReadInt32LittleEndian(plaintext.AsSpan(5 + cropLength));
        if (overviewLength < 0 || 9 + cropLength + overviewLength != plaintext.Length)
        {
            return false;
        }

        crop = plaintext.AsSpan(5, cropLength).ToArray();
        overview = plaintext.AsSpan(9 + cropLength, overviewLength).ToArray();
        return true;
    }
}
