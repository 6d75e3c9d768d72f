using Alpr.Edge.Firmware.SelfTest;
using Alpr.Edge.Recognition;
using Alpr.Edge.UnitTests.Recognition;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class Int8AgreementCheckTests
{
    [Fact]
    public void The_committed_int8_plate_reader_agrees_with_its_fp32_source_on_the_rendered_plates()
    {
        using var folder = Int8ManifestFolder.Undeclared().DeclarePlateRecInt8WithFallback();

        var check = Int8AgreementCheck.Run(Options(folder, RecognitionPrecision.Int8), NullLoggerFactory.Instance, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
        Assert.Equal("int8 agreement", check.Name);
        Assert.Matches(@"^int8 agrees with fp32 on 1[56]/16 rendered plates \(plate-rec-int8 plate-rec/plate-rec\.int8\.onnx on ", check.Detail);
        Assert.Matches(@"fp32 read 1[0-6]/16 exactly", check.Detail);
    }

    [Fact]
    public void A_deliberately_broken_int8_model_is_refused_with_the_fix()
    {
        using var folder = BrokenInt8Folder.Create();

        var check = Int8AgreementCheck.Run(Options(folder, RecognitionPrecision.Int8), NullLoggerFactory.Instance, CancellationToken.None);

        Assert.False(check.Passed, check.Detail);
        Assert.Matches(@"^int8 agrees with fp32 on ([0-9]|1[0-4])/16 rendered plates \(plate-rec-int8 plate-rec/plate-rec\.broken-int8\.onnx on ", check.Detail);
        Assert.Contains("at least 15/16 must agree", check.Detail, StringComparison.Ordinal);
        Assert.Contains("first difference:", check.Detail, StringComparison.Ordinal);
        Assert.Equal("set Recognition:Precision=Fp32 (or re-quantise: scripts/quantize-models)", check.Fix);
    }

    [Fact]
    public void Where_auto_chose_the_fp32_fallback_the_check_passes_saying_so_and_why()
    {
        using var folder = BrokenInt8Folder.Create();
        var options = Options(folder, RecognitionPrecision.Auto);
        options.CpuClass = "x86-64-avx2";

        var check = Int8AgreementCheck.Run(options, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
        Assert.Equal(
            "nothing to compare: Recognition:Precision=Auto chose the fp32 fallback plate-rec/plate-rec.onnx for plate-rec-int8 on x86-64-avx2: "
            + "this CPU class x86-64-avx2 is not among the int8 file's verified classes (x86-64-vnni, arm64-dotprod, arm64)",
            check.Detail);
    }

    [Fact]
    public void A_set_that_declares_no_int8_model_with_a_fallback_passes_with_nothing_to_compare()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.RequireDirectory(), Manifest = "manifest.fp32.json", IntraOpThreads = 1 };

        var check = Int8AgreementCheck.Run(options, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
        Assert.StartsWith("nothing to compare: manifest.fp32.json declares no int8 model with an fp32 fallback", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_passes_on_the_committed_default_model_set()
    {
        var options = new RecognitionOptions { ModelDirectory = FetchedModels.Directory, IntraOpThreads = 1 };

        var check = Int8AgreementCheck.Run(options, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.True(check.Passed, check.Detail);
    }

    [Fact]
    public void A_missing_fallback_fails_the_check_naming_the_file_and_scripts_fetch_models()
    {
        using var folder = Int8ManifestFolder.Undeclared().DeclarePlateRecInt8WithFallback();
        File.Delete(folder[Int8ManifestFolder.PlateRecFp32]);

        var check = Int8AgreementCheck.Run(Options(folder, RecognitionPrecision.Int8), NullLoggerFactory.Instance, CancellationToken.None);

        Assert.False(check.Passed);
        Assert.Contains("fp32 fallback model file missing", check.Detail, StringComparison.Ordinal);
        Assert.Contains("plate-rec.onnx", check.Detail, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rendered_plates_are_the_same_every_time_and_a_quarter_have_the_night_look()
    {
        var first = AgreementPlates.Render(Int8AgreementCheck.PlateCount);
        var second = AgreementPlates.Render(Int8AgreementCheck.PlateCount);
        try
        {
            Assert.Equal(first.Select(p => p.Text), second.Select(p => p.Text));
            Assert.Equal(first.Select(p => p.Crop.GetPixelSpan().ToArray()), second.Select(p => p.Crop.GetPixelSpan().ToArray()));
            Assert.Equal(4, first.Count(p => p.Night));
            Assert.All(first, p => Assert.Equal(p.Crop.Width / 2, p.Crop.Height));
            Assert.True(first.Select(p => p.Text).Distinct().Count() > 12);
        }
        finally
        {
            foreach (var plate in first.Concat(second))
            {
                plate.Dispose();
            }
        }
    }

    private static RecognitionOptions Options(Int8ManifestFolder folder, RecognitionPrecision precision) =>
        new() { ModelDirectory = folder.Path, IntraOpThreads = 1, Precision = precision };
}
