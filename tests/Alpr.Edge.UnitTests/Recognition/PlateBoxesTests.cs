using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Models;
using Alpr.Edge.Recognition.PlateRegions;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateBoxesTests
{
    private static readonly ManifestDecoder Plates = new() { Type = ManifestDecoder.DifferentiableBinarization, Regions = ManifestDecoder.PlateRegions };

    [Fact]
    public void An_upright_box_is_padded_by_the_manifest_fractions_on_each_side_and_reported_as_its_bounds()
    {
        var box = new TextBox(Quad.FromRect(SKRect.Create(100, 200, 200, 100)), 0.9f);

        var selected = Assert.Single(PlateBoxes.Select([box], Plates, 1280, 720, maxBoxes: 16));

        // 6 % of 200 = 12 left and right, 12 % of 100 = 12 above and below.
        Assert.Equal(new PlateRegion(88, 188, 224, 124), selected.Bounds);
        Assert.Equal(new SKPoint(88, 188), selected.Padded.TopLeft);
        Assert.Equal(new SKPoint(312, 312), selected.Padded.BottomRight);
        Assert.Same(box, selected.Detected);
    }

    [Fact]
    public void A_turned_box_is_padded_along_its_own_axes()
    {
        var turned = Turned(centreX: 500, centreY: 300, width: 200, height: 100, degrees: 30);

        var padded = PlateBoxes.Pad(turned, 0.1f, 0.2f);

        Assert.Equal(200 * 1.2f, padded.Width, 0.01f);
        Assert.Equal(100 * 1.4f, padded.Height, 0.01f);
        var direction = padded.TopRight - padded.TopLeft;
        Assert.Equal(30, MathF.Atan2(direction.Y, direction.X) * 180 / MathF.PI, 0.01f);
        Assert.Equal(500, (padded.TopLeft.X + padded.BottomRight.X) / 2, 0.01f);
        Assert.Equal(300, (padded.TopLeft.Y + padded.BottomRight.Y) / 2, 0.01f);
    }

    [Fact]
    public void A_box_at_the_frame_edge_is_clamped_to_the_frame()
    {
        var box = new TextBox(Quad.FromRect(SKRect.Create(1200, 680, 80, 40)), 0.9f);

        var selected = Assert.Single(PlateBoxes.Select([box], Plates, 1280, 720, maxBoxes: 16));

        Assert.Equal(new PlateRegion(1195, 675, 85, 45), selected.Bounds);
        Assert.Equal(new SKPoint(1280, 720), selected.Padded.BottomRight);
    }

    [Theory]
    [InlineData(40, 7)] // too small to hold legible characters
    [InlineData(70, 10)] // longer than 6 x its height
    public void Boxes_that_cannot_be_a_plate_are_not_read(float width, float height)
    {
        var box = new TextBox(Quad.FromRect(SKRect.Create(100, 100, width, height)), 0.9f);

        Assert.Empty(PlateBoxes.Select([box], Plates, 1280, 720, maxBoxes: 16));
    }

    [Fact]
    public void A_tall_box_stands_on_its_long_side_and_is_not_read()
    {
        // MinimumAreaRectangle makes the side closer to horizontal the top edge: a 20 x 60 box is 20 wide and 60 tall.
        var box = new TextBox(Quad.FromRect(SKRect.Create(100, 100, 20, 60)), 0.9f);

        Assert.Empty(PlateBoxes.Select([box], Plates, 1280, 720, maxBoxes: 16));
    }

    [Fact]
    public void At_most_the_given_number_of_boxes_is_kept_strongest_first()
    {
        var boxes = Enumerable.Range(0, 5).Select(i => new TextBox(Quad.FromRect(SKRect.Create(i * 200, 100, 120, 60)), 0.5f + (i * 0.1f))).ToList();

        var selected = PlateBoxes.Select(boxes, Plates, 1280, 720, maxBoxes: 3);

        Assert.Equal([0.9f, 0.8f, 0.7f], selected.Select(b => b.Detected.Score).Select(s => MathF.Round(s, 2)));
    }

    private static Quad Turned(float centreX, float centreY, float width, float height, float degrees)
    {
        var rotation = SKMatrix.CreateRotationDegrees(degrees, centreX, centreY);
        var upright = Quad.FromRect(SKRect.Create(centreX - (width / 2), centreY - (height / 2), width, height));
        return new Quad(
            rotation.MapPoint(upright.TopLeft), rotation.MapPoint(upright.TopRight), rotation.MapPoint(upright.BottomRight), rotation.MapPoint(upright.BottomLeft));
    }
}
