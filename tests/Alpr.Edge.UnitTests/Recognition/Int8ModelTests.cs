using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Cpu;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class Int8ModelTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private static readonly CpuClassReading Vnni = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, Architecture.X64);

    [Fact]
    public void The_default_manifest_names_the_committed_int8_models_and_they_verify()
    {
        // Int8 loads (and verifies) each entry's own file, whichever CPU classes the committed manifest lists.
        var models = ModelManifestLoader.Load(FetchedModels.Directory, "manifest.json", CpuClassProbe.Detect(), RecognitionPrecision.Int8);

        Assert.Equal("plate-det/plate-det.int8.onnx", models.Detector.File);
        Assert.Equal(ManifestDecoder.PlateRegions, models.Detector.Decoder.Regions);
        Assert.Equal("plate-rec/plate-rec.int8.onnx", models.Recognizer.File);
        Assert.Equal(2.5f, models.Recognizer.Decoder.HorizontalStretch);
    }

    [Fact]
    public void The_int8_pp_ocr_manifest_verifies_against_the_committed_and_fetched_files()
    {
        var models = ModelManifestLoader.Load(FetchedModels.RequireDirectory(), "manifest.ppocr-v4-int8.json", CpuClassProbe.Detect(), RecognitionPrecision.Int8);

        Assert.Equal("ppocr-v4-int8/ch_PP-OCRv4_rec_int8.onnx", models.Recognizer.File);
        Assert.NotNull(models.Recognizer.Decoder.Dictionary);
    }

    [Theory]
    [InlineData("7ABC123")]
    [InlineData("3AAC887")]
    [InlineData("8XKT421")]
    public void The_int8_default_reads_a_rendered_plate_in_a_frame(string text)
    {
        using var frame = PlateScene.Frame(text, left: 400, top: 300, plateWidth: 240);

        var result = fixture.Recognizer.Recognize(frame, CancellationToken.None);

        Assert.Equal(text, Assert.Single(result.Plates).Text);
    }

    [Theory]
    [InlineData("manifest.fp32.json")]
    [InlineData("manifest.text-lines.json")]
    [InlineData("manifest.ppocr-v4-int8.json")]
    [InlineData("manifest.ppocr-v4.json")]
    public void Every_committed_manifest_reads_a_rendered_plate(string manifest)
    {
        using var recognizer = new OnnxPlateRecognizer(
            Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.RequireDirectory(), Manifest = manifest, IntraOpThreads = 1 }),
            NullLogger<OnnxPlateRecognizer>.Instance);
        using var frame = PlateScene.Frame("5KLM902", left: 600, top: 260, plateWidth: 230);

        var result = recognizer.Recognize(frame, CancellationToken.None);

        Assert.Equal("5KLM902", Assert.Single(result.Plates).Text);
    }

    [Fact]
    public void A_tampered_int8_model_is_refused_with_its_name_and_both_checksums()
    {
        // The int8 file is declared verified on VNNI, so Auto chooses it (and checks it) there.
        using var copy = Int8ManifestFolder.Undeclared().DeclarePlateRecInt8WithFallback();
        var expected = ModelManifestLoader.Load(copy.Path, "manifest.json", Vnni, RecognitionPrecision.Auto).Recognizer.Sha256;
        File.AppendAllBytes(copy["plate-rec/plate-rec.int8.onnx"], [0]);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(copy.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));

        Assert.Contains("plate-rec.int8.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("actual", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_int8_detector_whose_input_shape_differs_from_the_manifest_is_refused()
    {
        // An undeclared (fp32) detector entry loads its own file, the int8 one, on every CPU class.
        using var copy = Int8ManifestFolder.Undeclared();
        copy.Model("detector")["inputShape"] = new JsonArray(1, 3, 544, 960);
        copy.Save();

        var error = Assert.Throws<ModelManifestException>(() => new OnnxPlateRecognizer(
            Options.Create(new RecognitionOptions { ModelDirectory = copy.Path, IntraOpThreads = 1 }),
            NullLogger<OnnxPlateRecognizer>.Instance));

        Assert.Contains("ch_PP-OCRv4_det_int8.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected [1, 3, 544, 960]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_chosen_by_name_is_the_one_loaded()
    {
        var fp32 = ModelManifestLoader.Load(FetchedModels.RequireDirectory(), "manifest.fp32.json");

        var missing = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(FetchedModels.Directory, "manifest.nothing.json"));

        Assert.Equal("plate-rec/plate-rec.onnx", fp32.Recognizer.File);
        Assert.Equal("plate-det/plate-det.onnx", fp32.Detector.File);
        Assert.Contains("manifest.nothing.json", missing.Message, StringComparison.Ordinal);
    }
}
