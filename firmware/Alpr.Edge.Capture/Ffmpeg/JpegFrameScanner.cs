namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>
/// Finds whole JPEG images in a byte stream of concatenated JPEGs (ffmpeg's <c>image2pipe</c> output) by walking the marker
/// segments: lengths are followed, entropy-coded data is skipped up to the next marker (0xFF00 stuffing and restart markers
/// inside it are not ends), and the image ends at EOI. A stray 0xFFD9 in a segment's payload (an EXIF thumbnail) is not taken
/// for the end.
/// </summary>
public static class JpegFrameScanner
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>
    /// Looks for the first whole JPEG in <paramref name="data"/>. Returns true with its <paramref name="start"/> and
    /// <paramref name="length"/> when complete. Returns false when more data is needed; <paramref name="start"/> then says how many
    /// leading bytes can be discarded (no image starts before it).
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> data, out int start, out int length)
    {
        length = 0;
        start = FindStart(data);
        if (start < 0)
        {
            // Keep a trailing 0xFF: it may be the first half of the next SOI.
            start = data.Length > 0 && data[^1] == Marker ? data.Length - 1 : data.Length;
            return false;
        }

        var position = start + 2;
        while (true)
        {
            if (position + 1 >= data.Length)
            {
                return false;
            }

            if (data[position] != Marker)
            {
                // Not a marker where one must be: the image is corrupt; resynchronise on the next SOI.
                var next = FindStart(data[(start + 2)..]);
                if (next < 0)
                {
                    start = data.Length - 1;
                    return false;
                }

                return TryFindFrom(data, start + 2 + next, out start, out length);
            }

            var code = data[position + 1];
            if (code == Marker)
            {
                position++;
                continue;
            }

            if (code == EndOfImage)
            {
                length = position + 2 - start;
                return true;
            }

            if (code == 0x01 || code is >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }

            if (position + 3 >= data.Length)
            {
                return false;
            }

            var segment = (data[position + 2] << 8) | data[position + 3];
            position += 2 + Math.Max(segment, 2);
            if (code == StartOfScan && !TrySkipEntropyCodedData(data, ref position))
            {
                return false;
            }
        }
    }

    private static bool TryFindFrom(ReadOnlySpan<byte> data, int offset, out int start, out int length)
    {
        var found = TryFind(data[offset..], out start, out length);
        start += offset;
        return found;
    }

    private static int FindStart(ReadOnlySpan<byte> data) => data.IndexOf([Marker, StartOfImage]);

    /// <summary>Moves <paramref name="position"/> to the marker that ends the scan; false when the data runs out first.</summary>
    private static bool TrySkipEntropyCodedData(ReadOnlySpan<byte> data, ref int position)
    {
        while (true)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var next = data[position..].IndexOf(Marker);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                return false;
            }

            position += next;
            var code = data[position + 1];
            if (code == 0x00 || code is >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }

            if (code == Marker)
            {
                position++;
                continue;
            }

            return true;
        }
    }
}
