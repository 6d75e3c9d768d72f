using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Simulation;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class SimulatedCameraRenderingTests
{
    private static readonly SimulatedCameraOptions Small = new() { Width = 640, Height = 360, Seed = 42 };

    [Fact]
    public void Same_seed_renders_byte_identical_frames_whatever_the_order()
    {
        using var first = new StreetSceneRenderer(Small);
        using var second = new StreetSceneRenderer(Small);

        using var fromSecondEarly = second.Render(5).Image;
        using var a = first.Render(3).Image;
        using var b = second.Render(3).Image;
        using var c = first.Render(5).Image;

        Assert.True(a.GetPixelSpan().SequenceEqual(b.GetPixelSpan()));
        Assert.True(c.GetPixelSpan().SequenceEqual(fromSecondEarly.GetPixelSpan()));
        Assert.Equal(GroundTruthJson.Serialize(first.GetGroundTruth(3)), GroundTruthJson.Serialize(second.GetGroundTruth(3)));
    }

    [Fact]
    public void Different_seeds_render_different_frames()
    {
        using var one = new StreetSceneRenderer(Small);
        using var other = new StreetSceneRenderer(Small with { Seed = 43 });

        using var a = one.Render(3).Image;
        using var b = other.Render(3).Image;

        Assert.False(a.GetPixelSpan().SequenceEqual(b.GetPixelSpan()));
    }

    [Fact]
    public void Consecutive_frames_differ_by_noise_and_motion()
    {
        using var renderer = new StreetSceneRenderer(Small);

        using var a = renderer.Render(2).Image;
        using var b = renderer.Render(3).Image;

        Assert.False(a.GetPixelSpan().SequenceEqual(b.GetPixelSpan()));
    }

    [Fact]
    public void Frames_have_the_configured_size_and_rgba_pixels()
    {
        using var renderer = new StreetSceneRenderer(Small with { Width = 800, Height = 600 });

        using var image = renderer.Render(0).Image;

        Assert.Equal(800, image.Width);
        Assert.Equal(600, image.Height);
        Assert.Equal(SKColorType.Rgba8888, image.ColorType);
    }

    [Fact]
    public void Night_frames_are_grey()
    {
        using var renderer = new StreetSceneRenderer(Small with { Night = true });

        using var image = renderer.Render(4).Image;

        var pixels = image.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4 * 997)
        {
            Assert.Equal(pixels[i], pixels[i + 1]);
            Assert.Equal(pixels[i], pixels[i + 2]);
        }

        Assert.True(renderer.GetGroundTruth(4).Night);
    }

    [Fact]
    public void Missing_plate_font_is_reported_with_the_package_to_install()
    {
        var options = Small with { FontPath = "/nonexistent/DejaVuSans-Bold.ttf" };

        var error = Assert.Throws<FileNotFoundException>(() => new StreetSceneRenderer(options));

        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/DejaVuSans-Bold.ttf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7abc123")]
    [InlineData("TOOLONG12")]
    [InlineData("AB-12")]
    public void Plate_texts_the_simulator_cannot_draw_are_refused_by_name(string plate)
    {
        var options = Small with { PlateTexts = [plate] };

        var error = Assert.Throws<ArgumentException>(() => new StreetSceneRenderer(options));

        Assert.Contains(plate, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SimulatedCameraOptions.PlateTexts), error.Message, StringComparison.Ordinal);
    }
}
