using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Models;
using Alpr.Edge.Recognition.PostProcessing;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class GeometryTests
{
    [Fact]
    public void The_minimum_area_rectangle_of_a_turned_rectangle_is_that_rectangle_with_its_long_side_on_top()
    {
        var angle = 10 * MathF.PI / 180;
        var u = new SKPoint(MathF.Cos(angle), MathF.Sin(angle));
        var v = new SKPoint(-u.Y, u.X);
        var points = new List<SKPoint>();
        for (var a = 0; a <= 100; a += 5)
        {
            for (var b = 0; b <= 20; b += 5)
            {
                points.Add(new SKPoint(50 + (u.X * a) + (v.X * b), 50 + (u.Y * a) + (v.Y * b)));
            }
        }

        var quad = MinimumAreaRectangle.Of(points);

        Assert.Equal(100, quad.Width, 1);
        Assert.Equal(20, quad.Height, 1);
        Assert.Equal(50, quad.TopLeft.X, 1);
        Assert.Equal(50, quad.TopLeft.Y, 1);
        Assert.True(quad.TopRight.X > quad.TopLeft.X);
        Assert.True(quad.BottomLeft.Y > quad.TopLeft.Y);
    }

    [Fact]
    public void A_probability_map_with_two_text_blobs_gives_two_grown_boxes()
    {
        const int width = 64, height = 32;
        var map = new float[width * height];
        Fill(map, width, x0: 4, y0: 4, x1: 24, y1: 10, 0.9f);
        Fill(map, width, x0: 30, y0: 20, x1: 60, y1: 28, 0.8f);
        Fill(map, width, x0: 40, y0: 2, x1: 41, y1: 3, 0.9f); // a speck: shorter than the minimum side

        var boxes = DbPostProcessor.Extract(map, width, height, new ManifestDecoder { Type = ManifestDecoder.DifferentiableBinarization })
            .OrderBy(b => b.Corners.TopLeft.X)
            .ToList();

        Assert.Equal(2, boxes.Count);
        Assert.Equal(0.9f, boxes[0].Score, 3);
        Assert.True(boxes[0].Corners.Width > 20 && boxes[0].Corners.Height > 6, "box is grown beyond the blob");
        Assert.InRange(boxes[1].Corners.Bounds.MidX, 44, 47);
        Assert.InRange(boxes[1].Corners.Bounds.MidY, 23.5f, 25.5f);
    }

    [Fact]
    public void A_component_score_is_the_mean_of_the_blob_pixels_while_the_rectangle_score_counts_the_weak_pixels_around_them()
    {
        // A plate-shaped blob whose strong core is ringed by pixels just above the threshold and holes below it: the rectangle
        // around the component holds the holes, the component does not.
        const int width = 48, height = 24;
        var map = new float[width * height];
        Fill(map, width, x0: 8, y0: 6, x1: 40, y1: 18, 0.9f);
        Fill(map, width, x0: 12, y0: 10, x1: 14, y1: 14, 0.05f);
        Fill(map, width, x0: 30, y0: 10, x1: 32, y1: 14, 0.05f);
        var rectangle = new ManifestDecoder { Type = ManifestDecoder.DifferentiableBinarization, BoxThreshold = 0, MinSide = 2 };
        var component = rectangle with { BoxScore = ManifestDecoder.ComponentBoxScore };

        var rectangleScore = DbPostProcessor.Extract(map, width, height, rectangle).Single().Score;
        var componentScore = DbPostProcessor.Extract(map, width, height, component).Single().Score;

        Assert.Equal(0.9f, componentScore, 3);
        Assert.InRange(rectangleScore, 0.80f, 0.88f);
    }

    [Fact]
    public void A_box_threshold_between_the_two_scores_keeps_the_box_only_when_the_component_is_scored()
    {
        const int width = 48, height = 24;
        var map = new float[width * height];
        Fill(map, width, x0: 8, y0: 6, x1: 40, y1: 18, 0.6f);
        Fill(map, width, x0: 10, y0: 8, x1: 38, y1: 16, 0.1f); // a hollow ring: its rectangle is mostly weak pixels
        var rectangle = new ManifestDecoder { Type = ManifestDecoder.DifferentiableBinarization, BoxThreshold = 0.5f, MinSide = 2 };

        Assert.Empty(DbPostProcessor.Extract(map, width, height, rectangle));
        Assert.Single(DbPostProcessor.Extract(map, width, height, rectangle with { BoxScore = ManifestDecoder.ComponentBoxScore }));
    }

    [Fact]
    public void The_plate_box_is_centred_on_its_character_line_and_half_as_tall_as_wide()
    {
        var line = Quad.FromRect(SKRect.Create(100, 100, 160, 40));

        var plate = PlateExtent.Estimate(line, 1280, 720);

        Assert.True(plate.Width >= 160 && plate.Height > 40);
        Assert.InRange(plate.Height, (plate.Width / 2) - 1, (plate.Width / 2) + 1);
        Assert.InRange(plate.X + (plate.Width / 2), 178, 182);
        Assert.InRange(plate.Y + (plate.Height / 2), 118, 122);
    }

    private static void Fill(float[] map, int width, int x0, int y0, int x1, int y1, float value)
    {
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                map[(y * width) + x] = value;
            }
        }
    }
}
