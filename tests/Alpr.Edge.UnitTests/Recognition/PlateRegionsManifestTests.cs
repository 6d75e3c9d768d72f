using System.Globalization;
using System.Text.Json.Nodes;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Cpu;
using Alpr.Edge.Recognition.Models;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateRegionsManifestTests : IDisposable
{
    private readonly PlateRegionsModelFolder folder = PlateRegionsModelFolder.Create();

    [Fact]
    public void A_plates_detector_loads_with_its_pads()
    {
        folder.Detector["decoder"]!["platePadX"] = 0.1;
        folder.Detector["decoder"]!["platePadY"] = 0.2;
        folder.Save();

        var models = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(ManifestDecoder.PlateRegions, models.Detector.Decoder.Regions);
        Assert.Equal(0.1f, models.Detector.Decoder.PlatePadX);
        Assert.Equal(0.2f, models.Detector.Decoder.PlatePadY);
        Assert.Equal("plate-rec", models.Recognizer.Name);
    }

    [Fact]
    public void Without_the_new_keys_a_detector_reads_text_lines_and_the_pads_have_their_defaults()
    {
        var decoder = folder.Detector["decoder"]!.AsObject();
        foreach (var key in new[] { "regions", "platePadX", "platePadY" })
        {
            decoder.Remove(key);
        }

        folder.Save();

        var models = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(ManifestDecoder.TextLineRegions, models.Detector.Decoder.Regions);
        Assert.Equal(0.06f, models.Detector.Decoder.PlatePadX);
        Assert.Equal(0.12f, models.Detector.Decoder.PlatePadY);
    }

    [Fact]
    public void The_committed_default_manifest_reads_plates_and_the_text_line_manifest_reads_lines()
    {
        var standard = ModelManifestLoader.Load(FetchedModels.Directory, "manifest.json", CpuClassProbe.Detect(), RecognitionPrecision.Int8);
        var textLines = ModelManifestLoader.Load(FetchedModels.Directory, "manifest.text-lines.json", CpuClassProbe.Detect(), RecognitionPrecision.Int8);

        Assert.Equal(ManifestDecoder.PlateRegions, standard.Detector.Decoder.Regions);
        Assert.Equal(ManifestDecoder.ComponentBoxScore, standard.Detector.Decoder.BoxScore);
        Assert.Equal("plate-det/plate-det.int8.onnx", standard.Detector.File);
        Assert.Equal(ManifestDecoder.TextLineRegions, textLines.Detector.Decoder.Regions);
        Assert.Equal(ManifestDecoder.RectangleBoxScore, textLines.Detector.Decoder.BoxScore);
        Assert.Equal(640, standard.Detector.Decoder.LargestInput);
        Assert.Equal(0, textLines.Detector.Decoder.LargestInput);
    }

    [Theory]
    [InlineData(480, false)]
    [InlineData(512, true)]
    [InlineData(640, true)]
    [InlineData(0, true)]
    public void A_largest_input_below_the_detectors_own_size_is_refused(int largestInput, bool loads)
    {
        folder.Detector["decoder"]!["maxSide"] = 512;
        folder.Detector["decoder"]!["largestInput"] = largestInput;
        folder.Save();

        if (loads)
        {
            Assert.Equal(largestInput, ModelManifestLoader.Load(folder.Path).Detector.Decoder.LargestInput);
        }
        else
        {
            var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));
            Assert.Contains(folder["manifest.json"], error.Message, StringComparison.Ordinal);
            Assert.Contains("decoder.largestInput 480, below its maxSide 512", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plate")]
    [InlineData("Plates")]
    [InlineData("lines")]
    public void An_unknown_regions_value_is_refused_naming_the_file_the_key_and_the_allowed_values(string value)
    {
        folder.Detector["decoder"]!["regions"] = value;
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));

        Assert.Contains(folder["manifest.json"], error.Message, StringComparison.Ordinal);
        Assert.Contains($"'plate-det-fixture' has decoder.regions '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"textLines\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"plates\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("component", "component")]
    [InlineData("rectangle", "rectangle")]
    [InlineData(null, "rectangle")]
    public void The_box_score_is_read_and_defaults_to_the_rectangle_mean(string? value, string expected)
    {
        var decoder = folder.Detector["decoder"]!.AsObject();
        decoder.Remove("boxScore");
        if (value is not null)
        {
            decoder["boxScore"] = value;
        }

        folder.Save();

        Assert.Equal(expected, ModelManifestLoader.Load(folder.Path).Detector.Decoder.BoxScore);
    }

    [Theory]
    [InlineData("pixels")]
    [InlineData("Component")]
    public void An_unknown_box_score_is_refused_naming_the_file_the_key_and_the_allowed_values(string value)
    {
        folder.Detector["decoder"]!["boxScore"] = value;
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));

        Assert.Contains(folder["manifest.json"], error.Message, StringComparison.Ordinal);
        Assert.Contains($"decoder.boxScore '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"rectangle\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"component\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platePadX", 0.6, "width")]
    [InlineData("platePadX", -0.01, "width")]
    [InlineData("platePadY", 0.51, "height")]
    [InlineData("platePadY", -1, "height")]
    public void A_pad_outside_0_to_half_is_refused_naming_the_file_the_key_and_the_range(string key, double value, string side)
    {
        folder.Detector["decoder"]![key] = value;
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));

        Assert.Contains(folder["manifest.json"], error.Message, StringComparison.Ordinal);
        Assert.Contains($"decoder.{key} {value.ToString(CultureInfo.InvariantCulture)}", error.Message, StringComparison.Ordinal);
        Assert.Contains("use 0 to 0.5", error.Message, StringComparison.Ordinal);
        Assert.Contains($"box's {side}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Pads_at_the_ends_of_the_range_are_accepted(double value)
    {
        folder.Detector["decoder"]!["platePadX"] = value;
        folder.Detector["decoder"]!["platePadY"] = value;
        folder.Save();

        var models = ModelManifestLoader.Load(folder.Path);

        Assert.Equal((float)value, models.Detector.Decoder.PlatePadX);
    }

    [Fact]
    public void An_unknown_key_beside_the_new_ones_is_still_refused()
    {
        folder.Detector["decoder"]!["platePad"] = 0.1;
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));

        Assert.Contains("platePad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_fp32_manifest_pairs_the_fp32_plate_detector_with_the_fp32_file_of_the_default_reader()
    {
        var fp32 = JsonNode.Parse(File.ReadAllText(Path.Combine(FetchedModels.Directory, "manifest.fp32.json")))!;
        var standard = JsonNode.Parse(File.ReadAllText(Path.Combine(FetchedModels.Directory, "manifest.json")))!;
        var models = fp32["models"]!.AsArray();
        var detector = models.Single(m => (string?)m!["role"] == "detector")!;
        var reader = models.Single(m => (string?)m!["role"] == "recognizer")!;
        var defaultReader = standard["models"]!.AsArray().Single(m => (string?)m!["role"] == "recognizer")!;

        Assert.Equal("plate-det", (string?)detector["name"]);
        Assert.Equal("plate-det/plate-det.onnx", (string?)detector["file"]);
        Assert.Equal("plates", (string?)detector["decoder"]!["regions"]);
        Assert.Equal((string?)defaultReader["fallback"]!["file"], (string?)reader["file"]);
        Assert.Equal((string?)defaultReader["fallback"]!["sha256"], (string?)reader["sha256"]);
        Assert.Equal(ManifestDecoder.PlateRegions, ModelManifestLoader.Load(FetchedModels.Directory, "manifest.fp32.json").Detector.Decoder.Regions);
    }

    public void Dispose() => folder.Dispose();
}
