using Alpr.Edge.Recognition.Models;
using SkiaSharp;

namespace Alpr.Edge.Recognition.Reading;

/// <summary>Reads cropped text lines with a CTC recognition model, restricted to the manifest's plate alphabet.</summary>
public sealed class CtcTextReader : IDisposable
{
    private const int BatchSize = 8;
    private readonly OnnxModel model;
    private readonly ImageNormalizer normalizer;
    private readonly CtcClassMap classMap;

    /// <summary>Opens the recogniser of <paramref name="models"/> and checks its class count against the dictionary or inline alphabet.</summary>
    public CtcTextReader(ModelSet models, OnnxSessionSettings session)
    {
        ArgumentNullException.ThrowIfNull(models);
        var entry = models.Recognizer;
        var settings = entry.Decoder;
        var dictionaryPath = settings.Dictionary is { } dictionary ? models.PathOf(dictionary.File) : null;
        var labels = dictionaryPath is null
            ? CtcClassMap.InlineLabels(settings.Alphabet, settings.BlankIndex)
            : CtcClassMap.PaddleLabels(File.ReadAllLines(dictionaryPath), settings.AppendSpace);
        model = OnnxModel.Open(models, entry, session);
        try
        {
            var classes = model.OutputShape.Count == 3 ? model.OutputShape[2] : -1;
            if (classes != labels.Count)
            {
                throw new ModelManifestException(
                    dictionaryPath is null
                        ? $"model file {model.FilePath}: output has {classes} classes but the manifest's inline alphabet gives {labels.Count} (blank + {settings.Alphabet.Length} characters)"
                        : $"model file {model.FilePath}: output has {classes} classes but dictionary {dictionaryPath} gives {labels.Count} (blank + lines{(settings.AppendSpace ? " + space" : string.Empty)})");
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }

        normalizer = new ImageNormalizer(entry.Normalization);
        classMap = new CtcClassMap(labels, settings.BlankIndex, settings.Alphabet, settings.FoldLowerCase);
        InputHeight = (int)entry.InputShape[2];
        MaxWidth = settings.MaxWidth;
        HorizontalStretch = settings.HorizontalStretch;
    }

    /// <summary>Height crops must have.</summary>
    public int InputHeight { get; }

    /// <summary>Widest crop; narrower crops are padded to it.</summary>
    public int MaxWidth { get; }

    /// <summary>How much crops are stretched horizontally before resizing.</summary>
    public float HorizontalStretch { get; }

    /// <summary>Reads each line (RGBA/BGRA, <see cref="InputHeight"/> rows, at most <see cref="MaxWidth"/> columns).</summary>
    public IReadOnlyList<CtcDecoding> Read(IReadOnlyList<SKBitmap> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var readings = new List<CtcDecoding>(lines.Count);
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, lines.Count - start);
            var input = new float[count * 3 * InputHeight * MaxWidth];
            for (var i = 0; i < count; i++)
            {
                normalizer.Write(lines[start + i], input, i, MaxWidth, InputHeight);
            }

            var output = model.Run(input, [count, 3, InputHeight, MaxWidth], out var shape);
            var steps = (int)shape[1];
            var stride = steps * classMap.ClassCount;
            for (var i = 0; i < count; i++)
            {
                readings.Add(CtcGreedyDecoder.Decode(output.AsSpan(i * stride, stride), steps, classMap));
            }
        }

        return readings;
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
