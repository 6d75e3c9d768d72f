using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>
/// The plates mode end to end: the fixture detector (light regions are plates) in front of the committed fp32 plate-rec, on
/// plates rendered by <see cref="PlateScene"/> onto dark frames.
/// </summary>
public sealed class PlateRegionsRecognitionTests(PlateRegionsRecognizerFixture fixture) : IClassFixture<PlateRegionsRecognizerFixture>
{
    private static readonly SKColor Dark = new(25, 25, 30);

    [Fact]
    public void The_recognizer_takes_the_plates_path_from_the_manifest()
    {
        Assert.Equal(ManifestDecoder.PlateRegions, fixture.Recognizer.Regions);
    }

    [Fact]
    public void A_plate_on_a_dark_frame_is_found_boxed_where_it_is_and_read()
    {
        var drawn = new PlateRegion(400, 300, 240, 120);
        using var frame = DarkFrame(1280, 720, ("7ABC123", drawn));

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        var plate = Assert.Single(result.Plates);
        Assert.Equal("7ABC123", plate.Text);
        Assert.InRange(IntersectionOverUnion(plate.Box, drawn), 0.5, 1.0);
        Assert.InRange(plate.Confidence, 0.5, 1.0);
        Assert.Equal(plate.Text.Length, plate.CharacterConfidences.Count);
    }

    [Fact]
    public void The_reported_box_is_the_detected_plate_padded_by_the_manifest_fractions()
    {
        // The fixture's region is the light plate itself (240 x 120, less its dark border): padded by 6 % of its width on each
        // side and 12 % of its height above and below, it is about 1.12 x 240 = 269 wide and 1.24 x 120 = 149 tall.
        var drawn = new PlateRegion(400, 300, 240, 120);
        using var frame = DarkFrame(1280, 720, ("7ABC123", drawn));

        var box = Assert.Single(fixture.Recognizer.Recognize(frame, CancellationToken.None).Plates).Box;

        Assert.InRange(box.Width, 255, 275);
        Assert.InRange(box.Height, 138, 155);
        Assert.InRange(box.X, drawn.X - 18, drawn.X - 8);
        Assert.InRange(box.Y, drawn.Y - 18, drawn.Y - 8);
    }

    [Fact]
    public void A_letters_only_plate_is_scored_by_the_reading_and_the_detector_alone()
    {
        // Among text lines a letters-only reading scores half (content 0.5); a plate region has no content factor.
        using var frame = DarkFrame(1280, 720, ("GOFAST", new PlateRegion(400, 300, 240, 120)));

        var plate = Assert.Single(fixture.Recognizer.Recognize(frame, CancellationToken.None).Plates);

        Assert.Equal("GOFAST", plate.Text);
        Assert.InRange(plate.Confidence, 0.8, 1.0);
    }

    [Fact]
    public void Two_plates_in_one_frame_give_two_readings_each_boxed_where_it_is()
    {
        var left = new PlateRegion(150, 200, 240, 120);
        var right = new PlateRegion(800, 420, 220, 110);
        using var frame = DarkFrame(1280, 720, ("7ABC123", left), ("4FGH556", right));

        var plates = fixture.Recognizer.Recognize(frame, CancellationToken.None).Plates;

        Assert.Equal(2, plates.Count);
        var first = Assert.Single(plates, p => p.Text == "7ABC123");
        var second = Assert.Single(plates, p => p.Text == "4FGH556");
        Assert.InRange(IntersectionOverUnion(first.Box, left), 0.5, 1.0);
        Assert.InRange(IntersectionOverUnion(second.Box, right), 0.5, 1.0);
        Assert.True(plates[0].Confidence >= plates[1].Confidence, "plates are not best first");
    }

    [Fact]
    public void An_empty_dark_frame_gives_no_plate()
    {
        using var frame = DarkFrame(1280, 720);

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.Empty(result.Plates);
    }

    [Fact]
    public void A_light_region_without_characters_gives_no_plate()
    {
        using var frame = DarkFrame(1280, 720);
        using (var canvas = new SKCanvas(frame))
        using (var paint = new SKPaint { Color = new SKColor(245, 245, 240) })
        {
            canvas.DrawRect(SKRect.Create(500, 300, 240, 120), paint);
        }

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.Empty(result.Plates);
    }

    [Fact]
    public void A_small_plate_in_a_full_hd_frame_is_read_from_the_full_resolution_frame()
    {
        // The detector sees this frame at 512 x 288, where the plate is 19 x 10 pixels; the reader must get it from the 1920 x 1080 frame.
        var drawn = new PlateRegion(1100, 700, 72, 36);
        using var frame = DarkFrame(1920, 1080, ("8XKT421", drawn));

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        var plate = Assert.Single(result.Plates);
        Assert.Equal("8XKT421", plate.Text);
        Assert.InRange(IntersectionOverUnion(plate.Box, drawn), 0.5, 1.0);

        // Control: the same region cut from the frame at the detector's resolution does not read as the plate, so the reading
        // above cannot have come from the detector's input.
        using var detectorInput = frame.Resize(new SKImageInfo(512, 288, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        var scale = 512f / 1920;
        using var lowResolution = new SKBitmap(new SKImageInfo((int)MathF.Ceiling(plate.Box.Width * scale), (int)MathF.Ceiling(plate.Box.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(lowResolution))
        {
            canvas.DrawBitmap(detectorInput, SKRect.Create(plate.Box.X * scale, plate.Box.Y * scale, lowResolution.Width, lowResolution.Height), SKRect.Create(lowResolution.Width, lowResolution.Height));
        }

        Assert.DoesNotContain(fixture.Recognizer.RecognizeCrop(lowResolution, CancellationToken.None).Plates, p => p.Text == "8XKT421");
    }

    [Fact]
    public void A_turned_plate_is_padded_along_its_own_axes_and_read()
    {
        using var frame = DarkFrame(1280, 720);
        using (var canvas = new SKCanvas(frame))
        using (var plate = PlateScene.Plate("5KLM902", 200))
        {
            canvas.RotateDegrees(8, 800, 300);
            canvas.DrawBitmap(plate, 700, 250);
        }

        var read = Assert.Single(fixture.Recognizer.Recognize(frame, CancellationToken.None).Plates);

        Assert.Equal("5KLM902", read.Text);
        // The turned 200 x 100 plate's axis-aligned bounds: 212 x 127 around (800, 300).
        Assert.InRange(IntersectionOverUnion(read.Box, new PlateRegion(694, 237, 212, 127)), 0.5, 1.0);
    }

    [Fact]
    public void Every_stage_reports_its_time()
    {
        using var frame = DarkFrame(1280, 720, ("7ABC123", new PlateRegion(400, 300, 240, 120)));

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        foreach (var stage in new[] { OnnxPlateRecognizer.DetectStage, OnnxPlateRecognizer.CropStage, OnnxPlateRecognizer.RecognizeStage, OnnxPlateRecognizer.PostStage })
        {
            Assert.True(result.StageMilliseconds.TryGetValue(stage, out var ms), $"stage {stage} missing");
            Assert.True(ms >= 0);
        }
    }

    /// <summary>A frame of <see cref="Dark"/> with each plate rendered into its region.</summary>
    internal static SKBitmap DarkFrame(int width, int height, params (string Text, PlateRegion Where)[] plates)
    {
        var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        frame.Erase(Dark);
        using var canvas = new SKCanvas(frame);
        foreach (var (text, where) in plates)
        {
            using var plate = PlateScene.Plate(text, where.Width);
            canvas.DrawBitmap(plate, where.X, where.Y);
        }

        return frame;
    }

    private static double IntersectionOverUnion(PlateRegion a, PlateRegion b)
    {
        var width = Math.Max(0, Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X));
        var height = Math.Max(0, Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y));
        var intersection = (double)width * height;
        return intersection / ((a.Width * a.Height) + (b.Width * b.Height) - intersection);
    }
}
