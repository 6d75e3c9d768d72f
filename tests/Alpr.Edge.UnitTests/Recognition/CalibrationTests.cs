using System.Text;
using Alpr.Edge.Recognition.Calibration;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class CalibrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("alpr-calibration-").FullName;

    [Fact]
    public void A_float32_npy_file_is_read_with_its_shape_and_values()
    {
        var path = WriteNpy("a.npy", "<f4", [1, 2, 3], [0.5f, -1f, 2f, 3.25f, 0f, 7f]);

        var tensor = NpyTensor.Read(path);

        Assert.Equal([1L, 2, 3], tensor.Shape);
        Assert.Equal([0.5f, -1f, 2f, 3.25f, 0f, 7f], tensor.Data);
    }

    [Fact]
    public void A_npy_file_of_another_type_is_refused()
    {
        var path = WriteNpy("b.npy", "<f8", [2], [1f, 2f, 3f, 4f]);

        var error = Assert.Throws<InvalidDataException>(() => NpyTensor.Read(path));

        Assert.Contains("float32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_are_the_average_of_each_samples_minimum_and_maximum()
    {
        // The committed fp32 plate recogniser ends in a softmax: every probability lies in [0, 1].
        using var collector = new ActivationRangeCollector(Path.Combine(FetchedModels.Directory, "plate-rec", "plate-rec.onnx"), intraOpThreads: 1);
        collector.Add(Constant(-1f), CancellationToken.None);
        collector.Add(Constant(1f), CancellationToken.None);

        var result = collector.Result();

        Assert.Equal(2, result.Samples);
        var (name, (min, max)) = Assert.Single(result.Ranges);
        Assert.Equal("probs", name);
        Assert.InRange(min, 0, max);
        Assert.InRange(max, min, 1);
        var (_, (extremeMin, extremeMax)) = Assert.Single(result.Extremes);
        Assert.True(extremeMin <= min && extremeMax >= max);
    }

    [Fact]
    public void No_samples_is_an_error_not_an_empty_range()
    {
        using var collector = new ActivationRangeCollector(Path.Combine(FetchedModels.Directory, "plate-rec", "plate-rec.onnx"), intraOpThreads: 1);

        Assert.Throws<InvalidOperationException>(collector.Result);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static NpyTensor Constant(float value) => new(Enumerable.Repeat(value, 3 * 48 * 320).ToArray(), [1, 3, 48, 320]);

    private string WriteNpy(string name, string descr, int[] shape, float[] values)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : string.Empty)}), }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        foreach (var v in values)
        {
            stream.Write(BitConverter.GetBytes(v));
        }

        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, stream.ToArray());
        return path;
    }
}
