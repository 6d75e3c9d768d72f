namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// A plate of up to 10 codes packed into 60 bits, first character in the highest 6 bits (so keys sort like the
/// text and a key is never 0). Deleting or inserting a character is a few shifts and masks.
/// </summary>
internal static class PlateKey
{
    private const int Bits = 6;
    private const int Slots = Entries.PlateText.MaxLength;
    private const ulong AllBits = (1UL << (Bits * Slots)) - 1;

    /// <summary>Packs codes (1-63 each, at most 10).</summary>
    public static ulong Pack(ReadOnlySpan<byte> codes)
    {
        ulong key = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            key |= (ulong)codes[i] << Shift(i);
        }

        return key;
    }

    /// <summary>The key with the character at <paramref name="position"/> removed.</summary>
    public static ulong Delete(ulong key, int position) =>
        (key & High(position)) | ((key & Low(position + 1)) << Bits);

    /// <summary>The key with <paramref name="code"/> inserted at <paramref name="position"/> (the key must hold at most 9 characters).</summary>
    public static ulong Insert(ulong key, int position, byte code) =>
        (key & High(position)) | ((ulong)code << Shift(position)) | ((key & Low(position)) >> Bits);

    private static int Shift(int position) => Bits * (Slots - 1 - position);

    /// <summary>Bits of the characters before <paramref name="position"/>.</summary>
    private static ulong High(int position) => position == 0 ? 0 : AllBits & ~Low(position);

    /// <summary>Bits of the characters at and after <paramref name="position"/>.</summary>
    private static ulong Low(int position) => position >= Slots ? 0 : (1UL << (Bits * (Slots - position))) - 1;
}
