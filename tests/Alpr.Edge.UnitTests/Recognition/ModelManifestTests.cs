using System.Text.Json.Nodes;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("alpr-models-").FullName;

    [Fact]
    public void The_committed_pp_ocr_manifest_verifies_against_the_fetched_models()
    {
        var models = ModelManifestLoader.Load(FetchedModels.RequireDirectory(), "manifest.ppocr-v4.json");

        Assert.Equal(ModelRoles.Detector, models.Detector.Role);
        Assert.Equal(ModelRoles.Recognizer, models.Recognizer.Role);
        Assert.Equal(1.5f, models.Recognizer.Decoder.HorizontalStretch);
    }

    [Fact]
    public void A_model_whose_checksum_differs_is_refused_with_its_name_and_both_checksums()
    {
        var manifest = CopyFetchedModels();
        File.AppendAllText(Path.Combine(folder, "ppocr-v4", "ppocr_keys_v1.txt"), "tampered");

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("ppocr_keys_v1.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual", error.Message, StringComparison.Ordinal);
        Assert.NotNull(manifest);
    }

    [Fact]
    public void A_model_whose_input_shape_differs_from_the_manifest_is_refused_with_its_name()
    {
        var manifest = CopyFetchedModels();
        var recognizer = manifest["models"]!.AsArray().Single(m => (string?)m!["role"] == "recognizer")!;
        recognizer["inputShape"] = new JsonArray(-1, 3, 32, -1);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => new OnnxPlateRecognizer(
            Options.Create(new RecognitionOptions { ModelDirectory = folder, IntraOpThreads = 1 }),
            NullLogger<OnnxPlateRecognizer>.Instance));

        Assert.Contains("ch_PP-OCRv4_rec_infer.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected [-1, 3, 32, -1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual [-1, 3, 48, -1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_manifest_says_how_to_fetch_the_models()
    {
        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("scripts/fetch-models", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        CopyFetchedModels();
        File.Delete(Path.Combine(folder, "ppocr-v4", "ch_PP-OCRv4_det_infer.onnx"));

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("ch_PP-OCRv4_det_infer.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_manifest_key_is_an_error_not_ignored()
    {
        var manifest = CopyFetchedModels();
        manifest["modelz"] = "typo";
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("modelz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validation_names_the_setting_when_the_folder_has_no_manifest()
    {
        var result = new RecognitionOptionsValidator().Validate(null, new RecognitionOptions { ModelDirectory = folder });

        Assert.True(result.Failed);
        Assert.Contains("Recognition:ModelDirectory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recognizer_with_an_inline_alphabet_and_its_own_output_name_loads()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest);

        var models = ModelManifestLoader.Load(folder);
        using var recognizer = new OnnxPlateRecognizer(
            Options.Create(new RecognitionOptions { ModelDirectory = folder, IntraOpThreads = 1 }),
            NullLogger<OnnxPlateRecognizer>.Instance);

        Assert.Equal("plate-rec", models.Recognizer.Name);
        Assert.Null(models.Recognizer.Decoder.Dictionary);
        Assert.Equal("probs", models.Recognizer.OutputName);
    }

    [Fact]
    public void The_committed_fp32_plate_rec_manifest_verifies_and_opens()
    {
        CopyFetchedModels();
        File.Copy(Path.Combine(folder, "manifest.fp32.json"), Path.Combine(folder, "manifest.json"), overwrite: true);

        var models = ModelManifestLoader.Load(folder);
        using var recognizer = OpenRecognizer();

        Assert.Equal("plate-rec", models.Recognizer.Name);
        Assert.Equal(PlateRecSha256, models.Recognizer.Sha256);
        Assert.Equal(2.5f, models.Recognizer.Decoder.HorizontalStretch);
    }

    [Fact]
    public void Inline_classes_put_the_blank_at_its_index_then_the_alphabet_in_order()
    {
        var labels = Alpr.Edge.Recognition.Reading.CtcClassMap.InlineLabels("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 0);

        Assert.Equal(37, labels.Count);
        Assert.Equal(string.Empty, labels[0]);
        Assert.Equal("0", labels[1]);
        Assert.Equal("Z", labels[36]);
    }

    [Fact]
    public void An_inline_alphabet_recognizer_whose_checksum_differs_is_refused()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest);
        File.AppendAllBytes(Path.Combine(folder, "plate-rec", "plate-rec.onnx"), [0]);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("plate-rec.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains(PlateRecSha256, error.Message, StringComparison.Ordinal);
        Assert.Contains("actual", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_alphabet_recognizer_whose_input_shape_differs_is_refused()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest)["inputShape"] = new JsonArray(-1, 3, 32, -1);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => OpenRecognizer());

        Assert.Contains("plate-rec.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected [-1, 3, 32, -1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual [-1, 3, 48, -1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_alphabet_whose_length_does_not_match_the_class_count_is_refused()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest)["decoder"]!["alphabet"] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => OpenRecognizer());

        Assert.Contains("37 classes", error.Message, StringComparison.Ordinal);
        Assert.Contains("inline alphabet gives 27", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_name_the_model_lacks_is_refused_with_the_names_it_has()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest)["outputName"] = "logits";
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => OpenRecognizer());

        Assert.Contains("'logits'", error.Message, StringComparison.Ordinal);
        Assert.Contains("probs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recognizer_without_dictionary_or_alphabet_is_refused()
    {
        var manifest = CopyFetchedModels();
        UsePlateRec(manifest)["decoder"]!["alphabet"] = string.Empty;
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder));

        Assert.Contains("decoder.dictionary", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string PlateRecSha256 = "4364fed0c257b40ee076993c694e4409134f153cc733f1570d03a49ff3705227";

    private OnnxPlateRecognizer OpenRecognizer() => new(
        Options.Create(new RecognitionOptions { ModelDirectory = folder, IntraOpThreads = 1 }),
        NullLogger<OnnxPlateRecognizer>.Instance);

    /// <summary>Replaces the manifest's recogniser with the plate-specific model (inline alphabet, named output) and writes it.</summary>
    private JsonNode UsePlateRec(JsonNode manifest)
    {
        var models = manifest["models"]!.AsArray();
        var index = models.Select((m, i) => (m, i)).Single(p => (string?)p.m!["role"] == "recognizer").i;
        var entry = JsonNode.Parse($$"""
            {
              "name": "plate-rec", "role": "recognizer", "file": "plate-rec/plate-rec.onnx",
              "sha256": "{{PlateRecSha256}}",
              "inputShape": [-1, 3, 48, -1], "outputName": "probs",
              "normalization": { "channelOrder": "BGR", "scale": 0.00392156862745098, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5] },
              "decoder": { "type": "ctc", "blankIndex": 0, "alphabet": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "foldLowerCase": false, "maxWidth": 320, "horizontalStretch": 2.5 }
            }
            """)!;
        models[index] = entry;
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        return entry;
    }

    private JsonNode CopyFetchedModels()
    {
        var source = FetchedModels.RequireDirectory();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // These tests edit the fp32 PP-OCRv4 pair (the default manifest is the committed int8 set, see Int8ModelTests).
        File.Copy(Path.Combine(folder, "manifest.ppocr-v4.json"), Path.Combine(folder, "manifest.json"), overwrite: true);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
    }
}
