using Alpr.Edge.Recognition;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class OnnxPlateRecognizerTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void Reads_the_number_of_a_clear_plate_in_a_frame()
    {
        using var frame = PlateScene.Frame("7ABC123");

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        var best = Assert.Single(result.Plates);
        Assert.Equal("7ABC123", best.Text);
        Assert.InRange(best.Confidence, 0.5, 1.0);
        Assert.Equal(best.Text.Length, best.CharacterConfidences.Count);
    }

    [Fact]
    public void The_small_state_name_never_wins_over_the_plate_number()
    {
        using var frame = PlateScene.Frame("8XKT421", state: "TEXAS");

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.NotEmpty(result.Plates);
        Assert.Equal("8XKT421", result.Plates[0].Text);
        Assert.DoesNotContain(result.Plates, p => p.Text == "TEXAS");
    }

    [Fact]
    public void Repeated_characters_are_not_merged()
    {
        using var frame = PlateScene.Frame("3AAC887", left: 200, top: 150, plateWidth: 240);

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.Equal("3AAC887", Assert.Single(result.Plates).Text);
    }

    [Fact]
    public void A_slightly_turned_plate_is_read_and_boxed_where_it_is()
    {
        using var frame = PlateScene.Frame("5KLM902", left: 700, top: 250, plateWidth: 200, degrees: 6);

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        var plate = Assert.Single(result.Plates);
        Assert.Equal("5KLM902", plate.Text);
        Assert.InRange(IntersectionOverUnion(plate.Box, new PlateRegion(700, 250, 200, 100)), 0.5, 1.0);
    }

    [Fact]
    public void The_reported_box_covers_the_whole_plate_not_just_its_characters()
    {
        using var frame = PlateScene.Frame("7ABC123", left: 300, top: 200, plateWidth: 260);

        var plate = Assert.Single(fixture.Recognizer.Recognize(frame, CancellationToken.None).Plates);

        Assert.InRange(IntersectionOverUnion(plate.Box, new PlateRegion(300, 200, 260, 130)), 0.6, 1.0);
    }

    [Fact]
    public void An_empty_street_yields_no_plate()
    {
        using var frame = new SKBitmap(new SKImageInfo(1280, 720, SKColorType.Rgba8888, SKAlphaType.Premul));
        frame.Erase(new SKColor(120, 120, 120));

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.Empty(result.Plates);
    }

    [Fact]
    public void Every_stage_reports_its_time()
    {
        using var frame = PlateScene.Frame("7ABC123");

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        foreach (var stage in new[] { OnnxPlateRecognizer.DetectStage, OnnxPlateRecognizer.CropStage, OnnxPlateRecognizer.RecognizeStage, OnnxPlateRecognizer.PostStage })
        {
            Assert.True(result.StageMilliseconds.TryGetValue(stage, out var ms), $"stage {stage} missing");
            Assert.True(ms >= 0);
        }
    }

    [Fact]
    public void A_tight_crop_of_the_characters_is_read_without_detection()
    {
        using var plate = PlateScene.Plate("4FGH556", width: 200);
        using var characters = new SKBitmap(new SKImageInfo(200, 50, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(characters))
        {
            canvas.DrawBitmap(plate, new SKRect(0, 45, 200, 95), new SKRect(0, 0, 200, 50));
        }

        var result = fixture.Recognizer.RecognizeCrop(characters, CancellationToken.None);

        Assert.Equal("4FGH556", Assert.Single(result.Plates).Text);
    }

    [Fact]
    public void Images_in_other_pixel_formats_are_accepted()
    {
        using var frame = PlateScene.Frame("7ABC123");
        using var rgb565 = frame.Copy(SKColorType.Rgb565);

        var result = fixture.Recognizer.Recognize(rgb565, CancellationToken.None);

        Assert.Equal("7ABC123", Assert.Single(result.Plates).Text);
    }

    private static double IntersectionOverUnion(PlateRegion a, PlateRegion b)
    {
        var width = Math.Max(0, Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X));
        var height = Math.Max(0, Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y));
        var intersection = (double)width * height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }
}
