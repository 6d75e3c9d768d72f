using Alpr.Edge.Capture.V4l2;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class YuyvConverterTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(255, 255, 255)]
    [InlineData(200, 30, 40)]
    [InlineData(20, 180, 60)]
    [InlineData(40, 60, 220)]
    public void Colours_survive_a_round_trip_through_yuyv(byte r, byte g, byte b)
    {
        using var original = new SKBitmap(new SKImageInfo(8, 4, SKColorType.Rgba8888, SKAlphaType.Premul));
        original.Erase(new SKColor(r, g, b));

        var yuyv = YuyvConverter.FromBitmap(original);
        using var back = YuyvConverter.ToBitmap(yuyv, 8, 4);

        Assert.Equal(8 * 4 * 2, yuyv.Length);
        var pixel = back.GetPixel(3, 2);
        Assert.InRange(Math.Abs(pixel.Red - r), 0, 3);
        Assert.InRange(Math.Abs(pixel.Green - g), 0, 3);
        Assert.InRange(Math.Abs(pixel.Blue - b), 0, 3);
        Assert.Equal(255, pixel.Alpha);
    }

    [Fact]
    public void Known_yuyv_values_give_the_bt601_colours()
    {
        // Limited-range black (Y=16), white (Y=235) and pure-ish red (Y=81, U=90, V=240).
        byte[] yuyv = [16, 128, 235, 128, 81, 90, 81, 240];

        using var bitmap = YuyvConverter.ToBitmap(yuyv, 4, 1);

        Assert.Equal(new SKColor(0, 0, 0), bitmap.GetPixel(0, 0));
        Assert.Equal(new SKColor(255, 255, 255), bitmap.GetPixel(1, 0));
        var red = bitmap.GetPixel(2, 0);
        Assert.True(red.Red > 240 && red.Green < 10 && red.Blue < 10, $"expected red, got {red}");
    }

    [Fact]
    public void A_short_buffer_is_refused_with_the_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => YuyvConverter.ToBitmap(new byte[100], 640, 480));

        Assert.Contains("614400", error.Message, StringComparison.Ordinal);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }
}
