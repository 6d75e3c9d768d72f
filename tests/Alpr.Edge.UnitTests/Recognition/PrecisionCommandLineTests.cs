using System.Text.Json;
using Alpr.Edge.Firmware.Cli;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PrecisionCommandLineTests : IDisposable
{
    private readonly Int8ManifestFolder folder = Int8ManifestFolder.Undeclared().DeclarePlateRecInt8WithFallback();
    private readonly string images = Directory.CreateTempSubdirectory("alpr-precision-").FullName;

    [Theory]
    [InlineData("auto", "x86-64-avx2", "fp32")]
    [InlineData("auto", "arm64-dotprod", "int8")]
    [InlineData("fp32", "arm64-dotprod", "fp32")]
    [InlineData("int8", "x86-64-avx2", "int8")]
    public async Task Recognize_json_reports_the_precision_each_role_loaded_beside_the_existing_fields(string precision, string cpuClass, string recognizer)
    {
        var crop = WritePlate("7ABC123");

        var (exitCode, output, error) = await Run("recognize", "--json", "--crop", "--models", folder.Path, "--precision", precision, "--cpu-class", cpuClass, crop);

        Assert.True(exitCode == ExitCodes.Success, error);
        using var line = JsonDocument.Parse(output.Trim());
        var root = line.RootElement;
        Assert.Equal(["file", "plates", "ms", "stages", "precision", "cpuClass"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("7ABC123", root.GetProperty("plates")[0].GetProperty("text").GetString());
        Assert.Equal("fp32", root.GetProperty("precision").GetProperty("detector").GetString());
        Assert.Equal(recognizer, root.GetProperty("precision").GetProperty("recognizer").GetString());
        Assert.Equal(cpuClass, root.GetProperty("cpuClass").GetString());
    }

    [Fact]
    public async Task Recognize_refuses_a_precision_or_cpu_class_it_does_not_know()
    {
        var crop = WritePlate("7ABC123");

        var (badPrecision, _, precisionError) = await Run("recognize", "--crop", "--models", folder.Path, "--precision", "int4", crop);
        var (badClass, _, classError) = await Run("recognize", "--crop", "--models", folder.Path, "--cpu-class", "avx2", crop);

        Assert.NotEqual(ExitCodes.Success, badPrecision);
        Assert.Contains("int4", precisionError, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Success, badClass);
        Assert.Contains("avx2", classError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_prints_a_precision_row_per_model_set()
    {
        var (exitCode, output, error) = await Run(
            "bench", "--models", folder.Path, "--manifest", "manifest.json", "--frames", "1", "--warmup", "0", "--precision", "auto", "--cpu-class", "x86-64-avx2");

        Assert.True(exitCode == ExitCodes.Success, error);
        var row = Assert.Single(output.Split('\n'), l => l.Contains(" precision ", StringComparison.Ordinal));
        Assert.StartsWith("manifest.json", row, StringComparison.Ordinal);
        Assert.Contains("recognizer fp32 fallback (plate-rec/plate-rec.onnx) on x86-64-avx2", row, StringComparison.Ordinal);
        Assert.Contains("detector fp32 (ppocr-v4-int8/ch_PP-OCRv4_det_int8.onnx)", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_times_frames_of_the_size_asked_for()
    {
        var (exitCode, output, error) = await Run(
            "bench", "--models", folder.Path, "--manifest", "manifest.json", "--frames", "1", "--warmup", "0", "--size", "1920x1080");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("frames 1920x1080", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1920")]
    [InlineData("100x100")]
    [InlineData("1920x1080x3")]
    [InlineData("widexhigh")]
    public async Task Bench_refuses_a_size_it_cannot_render_in_one_line_naming_the_option(string size)
    {
        var (exitCode, _, error) = await Run("bench", "--models", folder.Path, "--frames", "1", "--size", size);

        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains("--size must be WIDTHxHEIGHT", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognize_drops_plates_under_the_minimum_score_asked_for()
    {
        var crop = WritePlate("7ABC123");

        var (_, kept, _) = await Run("recognize", "--json", "--models", folder.Path, "--min-score", "0", crop);
        var (_, dropped, _) = await Run("recognize", "--json", "--models", folder.Path, "--min-score", "1", crop);
        var (badScore, _, badError) = await Run("recognize", "--models", folder.Path, "--min-score", "1.5", crop);

        using var keptLine = JsonDocument.Parse(kept.Trim());
        using var droppedLine = JsonDocument.Parse(dropped.Trim());
        Assert.Equal("7ABC123", keptLine.RootElement.GetProperty("plates")[0].GetProperty("text").GetString());
        Assert.Equal(0, droppedLine.RootElement.GetProperty("plates").GetArrayLength());
        Assert.Equal(ExitCodes.BadUsage, badScore);
        Assert.Contains("MinPlateScore must be 0..1", badError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        folder.Dispose();
        Directory.Delete(images, recursive: true);
    }

    private string WritePlate(string text)
    {
        using var plate = PlateScene.Plate(text, width: 240);
        var path = Path.Combine(images, $"{text}.png");
        using var data = plate.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FirmwareCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
