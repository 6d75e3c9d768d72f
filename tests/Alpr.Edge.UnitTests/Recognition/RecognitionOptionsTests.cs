using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class RecognitionOptionsTests
{
    private static readonly string[] CpuOnly = ["CPUExecutionProvider"];
    private static readonly string[] WithCuda = ["CUDAExecutionProvider", "CPUExecutionProvider"];

    [Fact]
    public void The_defaults_with_the_built_models_are_valid_and_run_on_the_cpu()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory };

        var result = new RecognitionOptionsValidator(() => CpuOnly).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(RecognitionExecutionProvider.Cpu, options.ExecutionProvider);
        Assert.Equal("manifest.json", options.Manifest);
    }

    [Theory]
    [InlineData(RecognitionExecutionProvider.Cuda, "CUDAExecutionProvider")]
    [InlineData(RecognitionExecutionProvider.TensorRt, "TensorrtExecutionProvider")]
    public void A_gpu_provider_the_runtime_lacks_fails_start_up_naming_the_key_and_the_package(RecognitionExecutionProvider provider, string nativeName)
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, ExecutionProvider = provider };

        var result = new RecognitionOptionsValidator(() => CpuOnly).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Recognition:ExecutionProvider", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nativeName, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("GPU package", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_is_accepted_where_the_runtime_offers_it()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, ExecutionProvider = RecognitionExecutionProvider.Cuda, DeviceId = 1 };

        var result = new RecognitionOptionsValidator(() => WithCuda).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void This_machines_cpu_runtime_refuses_cuda_at_start_up()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, ExecutionProvider = RecognitionExecutionProvider.Cuda };

        var result = new RecognitionOptionsValidator().Validate(null, options);

        Assert.Contains("CPUExecutionProvider", ExecutionProviders.Available());
        Assert.True(result.Failed);
        Assert.Contains("Recognition:ExecutionProvider Cuda", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_the_models_on_a_provider_the_runtime_lacks_throws_a_clear_error()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, ExecutionProvider = RecognitionExecutionProvider.Cuda, IntraOpThreads = 1 };

        var error = Assert.Throws<ModelManifestException>(() => new OnnxPlateRecognizer(Options.Create(options), NullLogger<OnnxPlateRecognizer>.Instance));

        Assert.Contains("Cuda", error.Message, StringComparison.Ordinal);
        Assert.Contains("GPU package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_provider_value_is_refused()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, ExecutionProvider = (RecognitionExecutionProvider)42 };

        var result = new RecognitionOptionsValidator(() => WithCuda).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Recognition:ExecutionProvider", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1280, true)]
    [InlineData(1000, false)]
    [InlineData(160, false)]
    [InlineData(4096, false)]
    public void The_detector_input_size_must_be_zero_or_a_multiple_of_32_in_range(int maxSide, bool valid)
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, DetectorMaxSide = maxSide };

        var result = new RecognitionOptionsValidator(() => CpuOnly).Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Recognition:DetectorMaxSide", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../manifest.json")]
    [InlineData("manifest.missing.json")]
    [InlineData("")]
    public void A_manifest_outside_the_folder_or_missing_is_refused(string manifest)
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, Manifest = manifest };

        var result = new RecognitionOptionsValidator(() => CpuOnly).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Recognition:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_input_above_what_the_plate_detector_works_at_is_refused_in_one_line()
    {
        var options = Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.Directory, IntraOpThreads = 1, DetectorMaxSide = 1280 });

        var error = Assert.Throws<ModelManifestException>(() => new OnnxPlateRecognizer(options, NullLogger<OnnxPlateRecognizer>.Instance).Dispose());

        Assert.StartsWith("Recognition:DetectorMaxSide 1280 is above what detector 'plate-det", error.Message, StringComparison.Ordinal);
        Assert.Contains("works at (640 px", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("manifest.text-lines.json", 1280)]
    [InlineData("manifest.json", 640)]
    public void A_larger_detector_input_still_reads_the_plate(string manifest, int maxSide)
    {
        // The text detector was made for large inputs; the plate detector was trained at 512 and is asked at most 640 (the
        // recognition issue's limit).
        using var recognizer = new OnnxPlateRecognizer(
            Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.Directory, Manifest = manifest, IntraOpThreads = 1, DetectorMaxSide = maxSide }),
            NullLogger<OnnxPlateRecognizer>.Instance);
        using var frame = PlateScene.Frame("6TRV214", left: 300, top: 200, plateWidth: 200);

        Assert.Equal("6TRV214", Assert.Single(recognizer.Recognize(frame, CancellationToken.None).Plates).Text);
    }
}
