using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Cpu;
using Alpr.Edge.Recognition.Models;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PrecisionChoiceTests
{
    private const string Int8File = "plate-rec/plate-rec.int8.onnx";
    private const string Fp32File = "plate-rec/plate-rec.onnx";
    private static readonly string[] Verified = [CpuClasses.X64Vnni, CpuClasses.Arm64DotProduct, CpuClasses.Arm64];

    public static TheoryData<RecognitionPrecision, bool, bool, string, bool, string> Cases => new()
    {
        // policy, class listed, fallback declared -> file loaded, unverified warning, words in the reason
        { RecognitionPrecision.Auto, true, true, Int8File, false, "verified there" },
        { RecognitionPrecision.Auto, true, false, Int8File, false, "verified there" },
        { RecognitionPrecision.Auto, false, true, Fp32File, false, "this CPU class x86-64-avx2 is not among the int8 file's verified classes (x86-64-vnni, arm64-dotprod, arm64)" },
        { RecognitionPrecision.Auto, false, false, Int8File, true, "declares no fp32 fallback" },
        { RecognitionPrecision.Int8, true, true, Int8File, false, "verified there" },
        { RecognitionPrecision.Int8, true, false, Int8File, false, "verified there" },
        { RecognitionPrecision.Int8, false, true, Int8File, true, "Recognition:Precision=Int8, although this CPU class x86-64-avx2 is not among" },
        { RecognitionPrecision.Int8, false, false, Int8File, true, "Recognition:Precision=Int8, although this CPU class x86-64-avx2 is not among" },
        { RecognitionPrecision.Fp32, true, true, Fp32File, false, "Recognition:Precision=Fp32" },
        { RecognitionPrecision.Fp32, true, false, Int8File, true, "declares no fp32 fallback" },
        { RecognitionPrecision.Fp32, false, true, Fp32File, false, "Recognition:Precision=Fp32" },
        { RecognitionPrecision.Fp32, false, false, Int8File, true, "declares no fp32 fallback" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_int8_model_loads_the_file_the_policy_the_cpu_class_and_the_fallback_call_for(
        RecognitionPrecision policy, bool listed, bool withFallback, string expectedFile, bool unverified, string reason)
    {
        var entry = Int8Entry(withFallback);
        var cpuClass = listed ? CpuClasses.X64Vnni : CpuClasses.X64Avx2;

        var choice = PrecisionChoice.Choose(entry, cpuClass, policy);

        Assert.Equal(expectedFile, choice.Loaded.File);
        Assert.Equal(expectedFile == Fp32File, choice.IsFallback);
        Assert.Equal(expectedFile == Fp32File ? ModelPrecisions.Fp32 : ModelPrecisions.Int8, choice.Precision);
        Assert.Equal(unverified, choice.Unverified);
        Assert.Contains(reason, choice.Reason, StringComparison.Ordinal);
        Assert.Same(entry, choice.Declared);
    }

    [Fact]
    public void The_fallback_keeps_the_entrys_shape_normalisation_and_decoder_with_its_own_file_and_checksum()
    {
        var entry = Int8Entry(withFallback: true);

        var loaded = PrecisionChoice.Choose(entry, CpuClasses.X64Avx2, RecognitionPrecision.Auto).Loaded;

        Assert.Equal(("plate-rec/plate-rec.onnx", "fp32sum"), (loaded.File, loaded.Sha256));
        Assert.Equal(ModelPrecisions.Fp32, loaded.Precision);
        Assert.Same(entry.Decoder, loaded.Decoder);
        Assert.Same(entry.Normalization, loaded.Normalization);
        Assert.Equal(entry.InputShape, loaded.InputShape);
        Assert.Equal(entry.Name, loaded.Name);
    }

    [Theory]
    [InlineData(RecognitionPrecision.Auto, null)]
    [InlineData(RecognitionPrecision.Int8, null)]
    [InlineData(RecognitionPrecision.Fp32, null)]
    [InlineData(RecognitionPrecision.Auto, "fp32")]
    [InlineData(RecognitionPrecision.Fp32, "fp32")]
    public void An_fp32_model_or_one_that_declares_no_precision_loads_its_own_file_under_every_policy(RecognitionPrecision policy, string? precision)
    {
        var entry = Int8Entry(withFallback: false) with { Precision = precision, CpuClasses = null, File = Fp32File };

        var choice = PrecisionChoice.Choose(entry, CpuClasses.X64Avx2, policy);

        Assert.Same(entry, choice.Loaded);
        Assert.False(choice.IsFallback || choice.Unverified || choice.HasInt8AndFallback);
        Assert.Equal(ModelPrecisions.Fp32, choice.Precision);
    }

    [Fact]
    public void An_int8_model_that_lists_no_verified_classes_falls_back_under_auto()
    {
        var entry = Int8Entry(withFallback: true) with { CpuClasses = null };

        var choice = PrecisionChoice.Choose(entry, CpuClasses.X64Vnni, RecognitionPrecision.Auto);

        Assert.True(choice.IsFallback);
        Assert.Contains("lists no CPU classes", choice.Reason, StringComparison.Ordinal);
    }

    internal static ManifestModel Int8Entry(bool withFallback) => new()
    {
        Name = "plate-rec-int8",
        Role = ModelRoles.Recognizer,
        File = Int8File,
        Sha256 = "int8sum",
        InputShape = [-1, 3, 48, -1],
        Normalization = new ManifestNormalization { ChannelOrder = "BGR", Scale = 1 / 255f, Mean = [0.5f, 0.5f, 0.5f], Std = [0.5f, 0.5f, 0.5f] },
        Decoder = new ManifestDecoder { Type = ManifestDecoder.Ctc },
        Precision = ModelPrecisions.Int8,
        CpuClasses = Verified,
        Fallback = withFallback ? new ManifestFileReference { File = Fp32File, Sha256 = "fp32sum" } : null,
    };
}
