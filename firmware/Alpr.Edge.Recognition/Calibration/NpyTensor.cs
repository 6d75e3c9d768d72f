using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alpr.Edge.Recognition.Calibration;

/// <summary>A float32 tensor read from a NumPy <c>.npy</c> file (little-endian <c>&lt;f4</c>, C order, format 1.0–3.0).</summary>
/// <param name="Data">Values in C order.</param>
/// <param name="Shape">Dimensions.</param>
public sealed partial record NpyTensor(float[] Data, long[] Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> for anything but a C-order little-endian float32 array.</summary>
    public static NpyTensor Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a .npy file");
        }

        var major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8, 2));
            headerStart = 10;
        }
        else
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8, 4)));
            headerStart = 12;
        }

        var header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);
        if (!header.Contains("'descr': '<f4'", StringComparison.Ordinal) || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: only C-order little-endian float32 arrays are read, header {header.Trim()}");
        }

        var match = ShapePattern().Match(header);
        if (!match.Success)
        {
            throw new InvalidDataException($"{path}: no shape in header {header.Trim()}");
        }

        var shape = match.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture))
            .ToArray();
        var count = shape.Aggregate(1L, (a, d) => a * d);
        var dataStart = headerStart + headerLength;
        if (bytes.Length - dataStart != count * sizeof(float))
        {
            throw new InvalidDataException($"{path}: shape [{string.Join(", ", shape)}] needs {count * sizeof(float)} bytes, the file has {bytes.Length - dataStart}");
        }

        var data = new float[count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + (i * sizeof(float)), sizeof(float)));
        }

        return new NpyTensor(data, shape);
    }

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
