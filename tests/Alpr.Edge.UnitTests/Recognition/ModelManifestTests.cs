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
    public void The_committed_manifest_verifies_against_the_fetched_models()
    {
        var models = ModelManifestLoader.Load(FetchedModels.RequireDirectory());

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

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private JsonNode CopyFetchedModels()
    {
        var source = FetchedModels.RequireDirectory();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
    }
}
