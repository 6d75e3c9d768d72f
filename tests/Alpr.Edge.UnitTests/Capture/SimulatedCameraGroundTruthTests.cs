using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Simulation;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class SimulatedCameraGroundTruthTests
{
    private static readonly SimulatedCameraOptions HotPlate = new() { Seed = 7, PlateTexts = ["7ABC123"] };

    [Fact]
    public void Injected_plate_is_in_the_ground_truth_inside_the_frame_and_moves_across_it()
    {
        using var renderer = new StreetSceneRenderer(HotPlate);

        var sightings = Enumerable.Range(0, 40)
            .Select(frame => renderer.GetGroundTruth(frame))
            .SelectMany(truth => truth.Plates.Where(p => p.VehicleId == 0 && p.FullyVisible).Select(p => (truth, plate: p)))
            .ToList();

        Assert.True(sightings.Count >= 3, $"vehicle 0's plate was fully visible in only {sightings.Count} frames");
        foreach (var (truth, plate) in sightings)
        {
            Assert.Equal("7ABC123", plate.Text);
            Assert.Equal("CA", plate.State);
            Assert.InRange(plate.Box.X, 0, truth.Width - 1);
            Assert.InRange(plate.Box.Y, 0, truth.Height - 1);
            Assert.InRange(plate.Box.Right, 1, truth.Width);
            Assert.InRange(plate.Box.Bottom, 1, truth.Height);
            Assert.Equal(4, plate.Quad.Count);
        }

        var tops = sightings.Select(s => s.plate.Box.Y).ToList();
        Assert.True(tops.Zip(tops.Skip(1)).All(pair => pair.Second < pair.First), "the plate should drive up the picture, frame by frame");
    }

    [Fact]
    public void Every_vehicle_carries_the_injected_plates_in_order()
    {
        using var renderer = new StreetSceneRenderer(HotPlate with { PlateTexts = ["7ABC123", "ABC1234"] });

        var byVehicle = Enumerable.Range(0, 120)
            .SelectMany(frame => renderer.GetGroundTruth(frame).Plates)
            .GroupBy(plate => plate.VehicleId)
            .OrderBy(group => group.Key)
            .Select(group => (group.Key, group.First().Text))
            .ToList();

        Assert.True(byVehicle.Count >= 4);
        Assert.All(byVehicle, v => Assert.Equal(v.Key % 2 == 0 ? "7ABC123" : "ABC1234", v.Text));
    }

    [Fact]
    public void Plates_are_big_enough_for_a_general_reader()
    {
        using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = 3 });

        var visible = Enumerable.Range(0, 200)
            .SelectMany(frame => renderer.GetGroundTruth(frame).Plates)
            .Where(plate => plate.FullyVisible)
            .ToList();

        Assert.NotEmpty(visible);
        Assert.All(visible, plate =>
        {
            Assert.InRange(plate.Box.Width, 170, 280);
            Assert.True(plate.CharacterHeight >= 28, $"characters of {plate.Text} are {plate.CharacterHeight}px high");
        });
    }

    [Fact]
    public void Traffic_has_one_or_two_vehicles_at_a_time_and_gaps_with_empty_road()
    {
        using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = 11 });

        var counts = Enumerable.Range(0, 300)
            .Select(frame => renderer.GetGroundTruth(frame).Plates.Select(p => p.VehicleId).Distinct().Count())
            .ToList();

        Assert.All(counts, count => Assert.InRange(count, 0, 2));
        Assert.Contains(0, counts);
        Assert.Contains(2, counts);
    }

    [Fact]
    public void Ground_truth_box_covers_the_light_plate_in_the_picture()
    {
        using var renderer = new StreetSceneRenderer(HotPlate);
        var frame = Enumerable.Range(0, 40).First(f => renderer.GetGroundTruth(f).Plates.Any(p => p.FullyVisible));

        var rendered = renderer.Render(frame);
        using var image = rendered.Image;
        var plate = rendered.GroundTruth.Plates.First(p => p.FullyVisible);
        var inside = MeanBrightness(image, plate.Box.X + plate.Box.Width / 4, plate.Box.Y + plate.Box.Height / 4, plate.Box.Width / 2, plate.Box.Height / 2);
        var below = MeanBrightness(image, plate.Box.X, Math.Min(plate.Box.Bottom + 40, image.Height - 20), plate.Box.Width, 10);

        Assert.True(inside > below + 20, $"plate area brightness {inside:F0} vs {below:F0} below it");
    }

    [Fact]
    public void Ground_truth_survives_a_json_round_trip()
    {
        using var renderer = new StreetSceneRenderer(HotPlate);
        var truth = renderer.GetGroundTruth(4);

        var json = GroundTruthJson.Serialize(truth);
        var back = GroundTruthJson.Deserialize(json);

        Assert.Contains("\"plates\"", json, StringComparison.Ordinal);
        Assert.Equal(json, GroundTruthJson.Serialize(back));
        Assert.Equal(truth.Plates.Count, back.Plates.Count);
    }

    private static double MeanBrightness(SkiaSharp.SKBitmap image, int x, int y, int width, int height)
    {
        double sum = 0;
        for (var row = y; row < y + height; row++)
        {
            for (var column = x; column < x + width; column++)
            {
                var pixel = image.GetPixel(column, row);
                sum += (pixel.Red + pixel.Green + pixel.Blue) / 3.0;
            }
        }

        return sum / (width * height);
    }
}
