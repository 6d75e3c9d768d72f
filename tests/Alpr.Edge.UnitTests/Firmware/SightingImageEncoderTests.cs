using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class SightingImageEncoderTests
{
    [Fact]
    public void The_crop_is_the_plate_box_with_its_margin_as_a_jpeg()
    {
        using var frame = NoisyFrame(1280, 720);
        var encoder = Encoder(new EvidenceOptions { CropMargin = 0.25 });

        var images = encoder.Encode(frame, new PlateRegion(400, 300, 200, 100))!;

        using var crop = SKBitmap.Decode(images.PlateCropJpeg.ToArray());
        Assert.Equal((300, 150), (crop.Width, crop.Height));
    }

    [Fact]
    public void A_box_at_the_edge_is_clamped_to_the_frame()
    {
        var encoder = Encoder(new EvidenceOptions { CropMargin = 0.5 });

        Assert.Equal(new SKRectI(0, 0, 100, 50), encoder.CropRectangle(640, 480, new PlateRegion(-20, -10, 80, 40)));
        Assert.Equal(new SKRectI(560, 440, 640, 480), encoder.CropRectangle(640, 480, new PlateRegion(600, 460, 80, 40)));
        var outside = encoder.CropRectangle(640, 480, new PlateRegion(900, 900, 10, 10));
        Assert.True(outside.Width >= 1 && outside.Height >= 1 && outside.Right <= 640 && outside.Bottom <= 480);
    }

    [Fact]
    public void The_overview_is_scaled_to_the_longest_side_allowed()
    {
        using var frame = NoisyFrame(1920, 1080);
        var encoder = Encoder(new EvidenceOptions { OverviewMaxSide = 960 });

        var images = encoder.Encode(frame, new PlateRegion(900, 500, 200, 100))!;

        using var overview = SKBitmap.Decode(images.OverviewJpeg.ToArray());
        Assert.Equal((960, 540), (overview.Width, overview.Height));
    }

    [Fact]
    public void An_overview_over_its_byte_limit_is_encoded_again_at_lower_quality()
    {
        using var frame = NoisyFrame(1280, 720);
        var generous = Encoder(new EvidenceOptions { OverviewQuality = 95, OverviewMaxBytes = 4_000_000 }).Encode(frame, new PlateRegion(0, 0, 10, 10))!;
        var limited = Encoder(new EvidenceOptions { OverviewQuality = 95, OverviewMaxBytes = generous.OverviewJpeg.Length / 2 }).Encode(frame, new PlateRegion(0, 0, 10, 10))!;

        Assert.True(limited.OverviewJpeg.Length < generous.OverviewJpeg.Length * 0.75, $"{limited.OverviewJpeg.Length} vs {generous.OverviewJpeg.Length}");
        Assert.NotNull(SKBitmap.Decode(limited.OverviewJpeg.ToArray()));
    }

    [Fact]
    public void No_images_are_taken_when_they_are_not_kept()
    {
        using var frame = NoisyFrame(320, 240);

        Assert.Null(Encoder(new EvidenceOptions { KeepImages = false }).Encode(frame, new PlateRegion(10, 10, 50, 20)));
    }

    private static SightingImageEncoder Encoder(EvidenceOptions options) => new(Options.Create(options));

    private static SKBitmap NoisyFrame(int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Bgra8888, SKAlphaType.Premul);
        var random = new Random(7);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }
}
