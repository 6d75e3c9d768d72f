using Alpr.Edge.Capture.Ffmpeg;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class JpegFrameScannerTests
{
    [Fact]
    public async Task Concatenated_jpegs_are_split_into_the_same_images_even_when_the_stream_trickles()
    {
        byte[][] images = [Jpeg(SKColors.Red, 64), Jpeg(SKColors.Green, 96), Jpeg(SKColors.Blue, 48)];
        using var stream = new TrickleStream([.. images.SelectMany(i => i)], chunk: 7);
        var reader = new JpegStreamReader(stream);

        var read = new List<byte[]>();
        while (await reader.ReadAsync(CancellationToken.None) is { } image)
        {
            read.Add(image);
        }

        Assert.Equal(3, read.Count);
        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(images[i], read[i]);
        }
    }

    [Fact]
    public void Bytes_before_the_start_of_an_image_are_skipped()
    {
        var image = Jpeg(SKColors.White, 32);
        byte[] data = [0x00, 0x12, 0xFF, 0x00, 0xFF, .. image];

        Assert.True(JpegFrameScanner.TryFind(data, out var start, out var length));

        Assert.Equal(5, start);
        Assert.Equal(image.Length, length);
    }

    [Fact]
    public void End_marker_bytes_inside_a_segment_do_not_end_the_image()
    {
        var image = Jpeg(SKColors.Gray, 32);
        // An APP1 segment (like an EXIF thumbnail) whose payload holds FF D9.
        byte[] app1 = [0xFF, 0xE1, 0x00, 0x08, 0x41, 0xFF, 0xD9, 0xFF, 0xD9, 0x00];
        byte[] data = [.. image[..2], .. app1, .. image[2..]];

        Assert.True(JpegFrameScanner.TryFind(data, out var start, out var length));

        Assert.Equal(0, start);
        Assert.Equal(data.Length, length);
    }

    [Fact]
    public async Task A_truncated_image_at_the_end_of_the_stream_is_not_returned()
    {
        var image = Jpeg(SKColors.Yellow, 40);
        using var stream = new MemoryStream([.. image, .. image[..(image.Length / 2)]]);
        var reader = new JpegStreamReader(stream);

        Assert.Equal(image, await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public void Incomplete_data_asks_for_more_and_keeps_the_start()
    {
        var image = Jpeg(SKColors.Black, 40);

        Assert.False(JpegFrameScanner.TryFind(image.AsSpan(0, image.Length - 1), out var start, out _));
        Assert.Equal(0, start);
    }

    private static byte[] Jpeg(SKColor colour, int size)
    {
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(size / 2f, size / 2f, size / 4f, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    /// <summary>A stream that returns at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
