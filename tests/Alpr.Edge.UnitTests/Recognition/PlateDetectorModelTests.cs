using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>
/// The plate detector trained here (firmware/models/plate-det, scripts/train-plate-detector) on street frames the simulated camera
/// renders: its boxes must sit on the plates the renderer says are there, and the plates must be read. No shared dataset is used.
/// </summary>
public sealed class PlateDetectorModelTests
{
    private const int Frames = 40;

    [Theory]
    [InlineData("manifest.fp32.json", RecognitionPrecision.Fp32, false)]
    [InlineData("manifest.json", RecognitionPrecision.Int8, false)]
    [InlineData("manifest.fp32.json", RecognitionPrecision.Fp32, true)]
    public void The_trained_detector_boxes_and_reads_the_plates_of_rendered_street_frames(string manifest, RecognitionPrecision precision, bool night)
    {
        using var recognizer = Open(manifest, precision);
        using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = 101, Night = night });
        int visible = 0, boxed = 0, read = 0, reported = 0, elsewhere = 0;

        for (var sequence = 0; sequence < Frames; sequence++)
        {
            var frame = renderer.Render(sequence);
            using var image = frame.Image;
            var plates = recognizer.Recognize(image, CancellationToken.None).Plates;
            reported += plates.Count;
            elsewhere += plates.Count(p => frame.GroundTruth.Plates.All(t => Iou(p.Box, t.Box) < 0.1));
            foreach (var truth in frame.GroundTruth.Plates.Where(t => t.FullyVisible))
            {
                visible++;
                var match = plates.Where(p => Iou(p.Box, truth.Box) >= 0.5).ToList();
                boxed += match.Count > 0 ? 1 : 0;
                read += match.Any(p => p.Text == truth.Text) ? 1 : 0;
            }
        }

        Assert.True(visible >= 10, $"only {visible} fully visible plates rendered");
        Assert.True(boxed >= visible * 0.9, $"{manifest} {(night ? "night" : "day")}: {boxed} of {visible} plates boxed at IoU >= 0.5");
        Assert.True(read >= visible * (night ? 0.6 : 0.8), $"{manifest} {(night ? "night" : "day")}: {read} of {visible} plates read exactly");
        Assert.True(elsewhere <= Frames / 10, $"{manifest}: {elsewhere} of {reported} reported plates lie where no plate is");
    }

    [Fact]
    public void An_empty_street_gives_no_plate()
    {
        using var recognizer = Open("manifest.fp32.json", RecognitionPrecision.Fp32);
        using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = 5 });
        var empty = Enumerable.Range(0, 400).Select(s => (long)s).Where(s => renderer.GetGroundTruth(s).Plates.Count == 0).Take(5).ToList();
        Assert.NotEmpty(empty);

        foreach (var sequence in empty)
        {
            var frame = renderer.Render(sequence);
            using var image = frame.Image;
            Assert.Empty(recognizer.Recognize(image, CancellationToken.None).Plates);
        }
    }

    private static OnnxPlateRecognizer Open(string manifest, RecognitionPrecision precision) => new(
        Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.RequireDirectory(), Manifest = manifest, IntraOpThreads = 1, Precision = precision }),
        NullLogger<OnnxPlateRecognizer>.Instance);

    private static double Iou(PlateRegion a, PixelBox b)
    {
        var w = Math.Max(0, Math.Min(a.X + a.Width, b.Right) - Math.Max(a.X, b.X));
        var h = Math.Max(0, Math.Min(a.Y + a.Height, b.Bottom) - Math.Max(a.Y, b.Y));
        double inter = w * h;
        return inter / ((a.Width * a.Height) + (b.Width * b.Height) - inter);
    }
}
