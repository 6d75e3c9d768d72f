using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Cpu;
using Alpr.Edge.Recognition.Models;
using Alpr.Edge.UnitTests.Capture;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class ManifestPrecisionTests : IDisposable
{
    private static readonly CpuClassReading Avx2 = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycRome, Architecture.X64);
    private static readonly CpuClassReading Vnni = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, Architecture.X64);

    private readonly Int8ManifestFolder folder = Int8ManifestFolder.Undeclared();

    [Fact]
    public void A_manifest_without_the_new_fields_loads_its_own_files_as_fp32_on_every_class()
    {
        foreach (var cpu in new[] { Avx2, Vnni })
        {
            var models = ModelManifestLoader.Load(folder.Path, "manifest.json", cpu, RecognitionPrecision.Auto);

            Assert.Equal("ppocr-v4-int8/ch_PP-OCRv4_det_int8.onnx", models.Detector.File);
            Assert.Equal("plate-rec/plate-rec.int8.onnx", models.Recognizer.File);
            Assert.All(models.Choices, c => Assert.False(c.IsFallback || c.Unverified || c.HasInt8AndFallback));
            Assert.All(models.Choices, c => Assert.Equal(ModelPrecisions.Fp32, c.Precision));
        }
    }

    [Fact]
    public void Every_committed_manifest_parses_and_each_int8_entry_declares_an_fp32_fallback_that_matches_its_checksum()
    {
        var directory = FetchedModels.RequireDirectory();
        var manifests = Directory.EnumerateFiles(directory, "manifest*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("manifest.json", manifests);

        foreach (var manifest in manifests)
        {
            // A manifest may name a model that is not committed yet (a new detector's manifest while the model is trained): it must
            // still pass every check before the files, so loading stops at that file; its int8 entries are checked from the JSON.
            if (ModelFilesMissing(directory, manifest!) is { Count: > 0 } missing)
            {
                var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(directory, manifest!, Vnni, RecognitionPrecision.Fp32));
                Assert.Contains(missing, file => error.Message.Contains($"model file missing: {Path.Combine(directory, file)}", StringComparison.Ordinal));
                AssertInt8EntriesDeclareMatchingFallbacks(directory, manifest!);
                continue;
            }

            // Fp32 loads every declared fallback (checking that it exists and matches its sha256) and every fp32 entry's own file;
            // Int8 loads every entry's own file. Neither depends on which CPU classes the entries list.
            var fp32 = ModelManifestLoader.Load(directory, manifest!, Vnni, RecognitionPrecision.Fp32);
            var int8 = ModelManifestLoader.Load(directory, manifest!, Avx2, RecognitionPrecision.Int8);

            Assert.All(int8.Choices, c => Assert.Same(c.Declared, c.Loaded));
            foreach (var choice in fp32.Choices.Where(c => ModelPrecisions.Of(c.Declared) == ModelPrecisions.Int8))
            {
                if (choice.Declared.Fallback is not { } fallback)
                {
                    Assert.Fail($"{manifest}: int8 model '{choice.Declared.Name}' declares no fp32 fallback");
                    continue;
                }

                Assert.True(choice.IsFallback, $"{manifest}: '{choice.Declared.Name}' did not load its fallback under Fp32: {choice.Reason}");
                Assert.Equal(ModelPrecisions.Fp32, choice.Precision);
                Assert.Equal(fallback.File, choice.Loaded.File);
                Assert.NotEqual(choice.Declared.File, fallback.File);
                var path = fp32.PathOf(fallback.File);
                Assert.True(File.Exists(path), $"{manifest}: fp32 fallback {path} of '{choice.Declared.Name}' is missing: run scripts/fetch-models, then rebuild the tests");
                Assert.Equal(fallback.Sha256, ModelManifestLoader.ComputeSha256(path), ignoreCase: true);
            }
        }
    }

    [Fact]
    public void An_unknown_cpu_class_is_refused_naming_the_manifest_the_model_and_the_known_classes()
    {
        folder.DeclareInt8("recognizer", ["x86-64-vnni", "x86_64-avx2"], Int8ManifestFolder.PlateRecFp32, Int8ManifestFolder.PlateRecFp32Sha256);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));

        Assert.Contains("manifest.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("'plate-rec-int8'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown CPU class 'x86_64-avx2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("x86-64-vnni, x86-64-avx2, x86-64, arm64-dotprod, arm64, other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_precision_other_than_int8_or_fp32_is_refused()
    {
        folder.Model("recognizer")["precision"] = "int4";
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));

        Assert.Contains("precision 'int4'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_classes_or_a_fallback_on_an_fp32_model_are_refused()
    {
        folder.Model("detector")["cpuClasses"] = new JsonArray("x86-64-vnni");
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));

        Assert.Contains("'ppocr-v4-det-int8' is fp32 but has cpuClasses or fallback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_a_fallback_is_refused_as_everywhere_else()
    {
        folder.DeclarePlateRecInt8WithFallback();
        folder.Model("recognizer")["fallback"]!["sha265"] = "typo";
        folder.Save();

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));

        Assert.Contains("sha265", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fallback_is_refused_when_chosen_naming_the_file_and_scripts_fetch_models()
    {
        FetchedModels.RequireDirectory();
        folder.DeclareInt8("detector", ["x86-64-vnni"], Int8ManifestFolder.DetectorFp32, Int8ManifestFolder.DetectorFp32Sha256);
        File.Delete(folder[Int8ManifestFolder.DetectorFp32]);

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Avx2, RecognitionPrecision.Auto));

        Assert.Contains("fp32 fallback model file missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("ch_PP-OCRv4_det_infer.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models", error.Message, StringComparison.Ordinal);
        Assert.Contains("this CPU class x86-64-avx2 is not among", error.Message, StringComparison.Ordinal);
        Assert.Contains("Recognition:Precision=Int8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_fallback_is_not_checked_where_the_int8_file_is_chosen()
    {
        FetchedModels.RequireDirectory();
        folder.DeclareInt8("detector", ["x86-64-vnni"], Int8ManifestFolder.DetectorFp32, Int8ManifestFolder.DetectorFp32Sha256);
        File.Delete(folder[Int8ManifestFolder.DetectorFp32]);

        var onVnni = ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto);
        var forced = ModelManifestLoader.Load(folder.Path, "manifest.json", Avx2, RecognitionPrecision.Int8);

        Assert.Equal("ppocr-v4-int8/ch_PP-OCRv4_det_int8.onnx", onVnni.Detector.File);
        Assert.Equal(ModelPrecisions.Int8, onVnni.DetectorChoice.Precision);
        Assert.Equal("ppocr-v4-int8/ch_PP-OCRv4_det_int8.onnx", forced.Detector.File);
        Assert.True(forced.DetectorChoice.Unverified);
    }

    [Fact]
    public void A_fallback_that_fails_its_checksum_is_refused_when_chosen_and_not_otherwise()
    {
        folder.DeclareInt8("recognizer", ["x86-64-vnni"], Int8ManifestFolder.PlateRecFp32, new string('0', 64));

        var error = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Fp32));
        var int8 = ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto);

        Assert.Contains("plate-rec.onnx fails its checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains($"expected sha256 {new string('0', 64)}, actual {Int8ManifestFolder.PlateRecFp32Sha256}", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models", error.Message, StringComparison.Ordinal);
        Assert.Equal("plate-rec/plate-rec.int8.onnx", int8.Recognizer.File);
    }

    [Fact]
    public void The_int8_file_is_not_checked_where_its_fallback_is_chosen()
    {
        folder.DeclarePlateRecInt8WithFallback();
        File.AppendAllBytes(folder["plate-rec/plate-rec.int8.onnx"], [0]);

        var models = ModelManifestLoader.Load(folder.Path, "manifest.json", Avx2, RecognitionPrecision.Auto);

        Assert.Equal(Int8ManifestFolder.PlateRecFp32, models.Recognizer.File);
        Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path, "manifest.json", Vnni, RecognitionPrecision.Auto));
    }

    [Fact]
    public void The_recognizer_loads_the_fallback_on_an_unlisted_class_reports_it_and_logs_why()
    {
        folder.DeclarePlateRecInt8WithFallback();
        var logger = new RecordingLogger<OnnxPlateRecognizer>();

        using var recognizer = new OnnxPlateRecognizer(Options.Create(OptionsFor(RecognitionPrecision.Auto, CpuClasses.X64Avx2)), logger);

        Assert.True(recognizer.Models.RecognizerChoice.IsFallback);
        Assert.Equal(ModelPrecisions.Fp32, recognizer.Models.RecognizerChoice.Precision);
        Assert.Equal(CpuClasses.X64Avx2, recognizer.Models.Cpu.Class);
        var line = Assert.Single(logger.Entries, e => e.EventId.Id == 2002 && e.Message.StartsWith("plate-rec-int8:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.StartsWith("plate-rec-int8: fp32 fallback plate-rec/plate-rec.onnx on x86-64-avx2 (", line.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            "): this CPU class x86-64-avx2 is not among the int8 file's verified classes (x86-64-vnni, arm64-dotprod, arm64)", line.Message, StringComparison.Ordinal);
        Assert.Single(logger.Entries, e => e.EventId.Id == 2002 && e.Message.StartsWith("ppocr-v4-det-int8: fp32 ppocr-v4-int8/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_recognizer_loads_the_int8_file_on_a_listed_class_and_says_it_was_verified_there()
    {
        folder.DeclarePlateRecInt8WithFallback();
        var logger = new RecordingLogger<OnnxPlateRecognizer>();

        using var recognizer = new OnnxPlateRecognizer(Options.Create(OptionsFor(RecognitionPrecision.Auto, CpuClasses.Arm64)), logger);

        Assert.Equal(ModelPrecisions.Int8, recognizer.Models.RecognizerChoice.Precision);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 2002 && e.Message.StartsWith("plate-rec-int8: int8 plate-rec/plate-rec.int8.onnx on arm64 (", StringComparison.Ordinal)
            && e.Message.EndsWith("): verified there", StringComparison.Ordinal));
    }

    [Fact]
    public void Forcing_int8_on_an_unlisted_class_logs_a_warning()
    {
        folder.DeclarePlateRecInt8WithFallback();
        var logger = new RecordingLogger<OnnxPlateRecognizer>();

        using var recognizer = new OnnxPlateRecognizer(Options.Create(OptionsFor(RecognitionPrecision.Int8, CpuClasses.X64Avx2)), logger);

        Assert.Equal(ModelPrecisions.Int8, recognizer.Models.RecognizerChoice.Precision);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2003, warning.EventId.Id);
        Assert.Contains("plate-rec-int8: int8 plate-rec/plate-rec.int8.onnx on x86-64-avx2", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Recognition:Precision=Int8, although this CPU class x86-64-avx2 is not among", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_refuse_an_unknown_cpu_class_and_an_undefined_precision_naming_the_keys()
    {
        var options = OptionsFor(RecognitionPrecision.Auto, "x86-avx2");
        options.Precision = (RecognitionPrecision)7;

        var result = new RecognitionOptionsValidator(() => ["CPUExecutionProvider"]).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Recognition:CpuClass 'x86-avx2' is not a CPU class", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Recognition:Precision must be Auto, Int8 or Fp32", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new RecognitionOptionsValidator(() => ["CPUExecutionProvider"]).Validate(null, OptionsFor(RecognitionPrecision.Fp32, "arm64")).Succeeded);
    }

    public void Dispose() => folder.Dispose();

    private RecognitionOptions OptionsFor(RecognitionPrecision precision, string cpuClass) =>
        new() { ModelDirectory = folder.Path, IntraOpThreads = 1, Precision = precision, CpuClass = cpuClass };

    /// <summary>Files named by the manifest's entries (their own files, not fallbacks) that the model folder lacks.</summary>
    private static List<string> ModelFilesMissing(string directory, string manifest) =>
        [.. Entries(directory, manifest).Select(m => (string)m["file"]!).Where(file => !File.Exists(Path.Combine(directory, file)))];

    private static void AssertInt8EntriesDeclareMatchingFallbacks(string directory, string manifest)
    {
        foreach (var entry in Entries(directory, manifest).Where(m => (string?)m["precision"] == ModelPrecisions.Int8))
        {
            var fallback = entry["fallback"];
            Assert.True(fallback is not null, $"{manifest}: int8 model '{entry["name"]}' declares no fp32 fallback");
            var path = Path.Combine(directory, (string)fallback["file"]!);
            Assert.True(File.Exists(path), $"{manifest}: fp32 fallback {path} of '{entry["name"]}' is missing: run scripts/fetch-models, then rebuild the tests");
            Assert.Equal((string?)fallback["sha256"], ModelManifestLoader.ComputeSha256(path), ignoreCase: true);
        }
    }

    private static IEnumerable<JsonNode> Entries(string directory, string manifest) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, manifest)))!["models"]!.AsArray().Select(m => m!);
}
