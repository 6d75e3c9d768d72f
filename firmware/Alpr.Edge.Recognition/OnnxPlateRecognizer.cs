using System.Diagnostics;
using Alpr.Edge.Recognition.Cpu;
using Alpr.Edge.Recognition.Cropping;
using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Models;
using Alpr.Edge.Recognition.PlateRegions;
using Alpr.Edge.Recognition.PostProcessing;
using Alpr.Edge.Recognition.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Recognition;

/// <summary>
/// Plate recogniser running the ONNX models of a verified manifest (on the CPU unless configured otherwise): DB detection, upright crops stretched
/// horizontally, CTC reading restricted to A-Z0-9, then the choice of plate numbers among the text lines, or, with a detector of
/// whole plates (<c>decoder.regions</c> <see cref="ManifestDecoder.PlateRegions"/>), one reading per padded plate region.
/// </summary>
public sealed class OnnxPlateRecognizer : IPlateRecognizer
{
    /// <summary>Key of <see cref="FrameRecognition.StageMilliseconds"/> for text detection.</summary>
    public const string DetectStage = "detect";

    /// <summary>Key of <see cref="FrameRecognition.StageMilliseconds"/> for cropping the text lines.</summary>
    public const string CropStage = "crop";

    /// <summary>Key of <see cref="FrameRecognition.StageMilliseconds"/> for reading the text lines.</summary>
    public const string RecognizeStage = "recognize";

    /// <summary>Key of <see cref="FrameRecognition.StageMilliseconds"/> for choosing plates among the lines.</summary>
    public const string PostStage = "post";

    // A row of 4 to 8 plate characters, grown by the detector's unclip, is about 1.7 to 2.9 times as long as tall;
    // lines far outside that, or too small to hold legible characters, are not worth reading.
    private const float MinLinePixels = 10;
    private const float MinLineAspect = 1.3f;
    private const float MaxLineAspect = 6f;

    private readonly RecognitionOptions options;
    private readonly ILogger<OnnxPlateRecognizer> logger;
    private readonly DbTextDetector detector;
    private readonly CtcTextReader reader;
    private readonly PlateFormatPrior? formatPrior;

    /// <summary>
    /// Loads the models named by the manifest in <see cref="RecognitionOptions.ModelDirectory"/>, each model's int8 file or its fp32
    /// fallback as <see cref="RecognitionOptions.Precision"/> and this CPU's class decide (<see cref="PrecisionChoice"/>; one log
    /// line per model says which and why); throws <see cref="ModelManifestException"/> when a file is missing or its checksum or
    /// shape does not match the manifest.
    /// </summary>
    public OnnxPlateRecognizer(IOptions<RecognitionOptions> options, ILogger<OnnxPlateRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options.Value;
        this.logger = logger;
        formatPrior = this.options.UseFormatPrior ? new PlateFormatPrior(PlateFormatBook.LoadEmbedded(), [.. this.options.HomeStates]) : null;
        var cpu = CpuClassProbe.Detect(this.options.CpuClass);
        var models = ModelManifestLoader.Load(this.options.ResolveModelDirectory(), this.options.Manifest, cpu, this.options.Precision);
        Models = models;
        var session = OnnxSessionSettings.From(this.options);
        detector = new DbTextDetector(models, session, this.options.DetectorMaxSide);
        try
        {
            reader = new CtcTextReader(models, session);
        }
        catch
        {
            detector.Dispose();
            throw;
        }

        foreach (var choice in models.Choices)
        {
            LogChoice(choice, cpu);
        }

        RecognitionLog.ModelsLoaded(
            logger, models.Directory, this.options.Manifest, models.Detector.Name, models.Recognizer.Name, this.options.ExecutionProvider, this.options.IntraOpThreads);
    }

    /// <summary>The models loaded: per role the file chosen (int8 or its fp32 fallback), why, and the CPU class it was chosen for.</summary>
    public ModelSet Models { get; }

    /// <summary>What the detector's map is of (the manifest's <c>decoder.regions</c>): text lines, or whole plates.</summary>
    public string Regions => Models.Detector.Decoder.Regions;

    /// <inheritdoc />
    public FrameRecognition Recognize(SKBitmap image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var stages = new Dictionary<string, double>();
        var started = Stopwatch.GetTimestamp();
        using var owned = EnsureReadable(image);
        var source = owned ?? image;
        return Regions == ManifestDecoder.PlateRegions
            ? RecognizePlateRegions(source, stages, started, cancellationToken)
            : RecognizeTextLines(source, stages, started, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="plateCrop"/> as one line of plate characters, without detection (for measuring the reader on
    /// tight plate crops). The plate is reported whatever its content, with the whole image as its box.
    /// </summary>
    public FrameRecognition RecognizeCrop(SKBitmap plateCrop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plateCrop);
        var stages = new Dictionary<string, double>();
        var started = Stopwatch.GetTimestamp();
        using var owned = EnsureReadable(plateCrop);
        var source = owned ?? plateCrop;
        using var crop = ReaderCrops.Cut(source, [Quad.FromRect(SKRect.Create(source.Width, source.Height))], reader);
        var mark = Lap(stages, CropStage, started);
        var reading = reader.Read(crop.Bitmaps, cancellationToken)[0];
        mark = Lap(stages, RecognizeStage, mark);
        var plates = reading.Text.Length == 0
            ? []
            : new[] { PlateCandidateSelector.ToPlate(reading, reading.Confidence, new PlateRegion(0, 0, source.Width, source.Height), formatPrior) };
        Lap(stages, PostStage, mark);
        return new FrameRecognition { Plates = plates, StageMilliseconds = stages };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        detector.Dispose();
        reader.Dispose();
    }

    /// <summary>Text-line regions: read every plate-shaped line, then choose the plates among the lines.</summary>
    private FrameRecognition RecognizeTextLines(SKBitmap source, Dictionary<string, double> stages, long started, CancellationToken cancellationToken)
    {
        var boxes = detector.Detect(source, cancellationToken)
            .Where(b => b.Corners.Height >= MinLinePixels && b.Corners.Width / b.Corners.Height is >= MinLineAspect and <= MaxLineAspect)
            .OrderByDescending(b => b.Score)
            .Take(options.MaxTextLines)
            .ToList();
        var mark = Lap(stages, DetectStage, started);

        using var crops = ReaderCrops.Cut(source, boxes.Select(b => b.Corners), reader);
        mark = Lap(stages, CropStage, mark);
        var readings = reader.Read(crops.Bitmaps, cancellationToken);
        mark = Lap(stages, RecognizeStage, mark);

        var lines = boxes.Zip(readings, (box, reading) => new TextLine(box, reading)).ToList();
        var plates = PlateCandidateSelector.Select(lines, source.Width, source.Height, options.MinPlateScore, formatPrior);
        Lap(stages, PostStage, mark);
        var totalMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        RecognitionLog.FrameRecognized(logger, source.Width, source.Height, boxes.Count, readings.Count, plates.Count, totalMilliseconds);
        return new FrameRecognition { Plates = plates, StageMilliseconds = stages };
    }

    /// <summary>
    /// Plate regions: every plate-shaped box, padded, cut from the full-resolution frame and read as one plate
    /// (<see cref="PlateBoxes"/>, <see cref="PlateRegionScorer"/>).
    /// </summary>
    private FrameRecognition RecognizePlateRegions(SKBitmap source, Dictionary<string, double> stages, long started, CancellationToken cancellationToken)
    {
        var boxes = PlateBoxes.Select(detector.Detect(source, cancellationToken), Models.Detector.Decoder, source.Width, source.Height, options.MaxTextLines);
        var mark = Lap(stages, DetectStage, started);

        using var crops = ReaderCrops.Cut(source, boxes.Select(b => b.Padded), reader);
        mark = Lap(stages, CropStage, mark);
        var readings = reader.Read(crops.Bitmaps, cancellationToken);
        mark = Lap(stages, RecognizeStage, mark);

        var plates = PlateRegionScorer.Plates(boxes, readings, options.MinPlateScore, formatPrior);
        Lap(stages, PostStage, mark);
        var totalMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        RecognitionLog.PlateRegionsRecognized(logger, source.Width, source.Height, boxes.Count, readings.Count, plates.Count, totalMilliseconds);
        return new FrameRecognition { Plates = plates, StageMilliseconds = stages };
    }

    private void LogChoice(ModelChoice choice, CpuClassReading cpu)
    {
        if (choice.Unverified)
        {
            RecognitionLog.ModelChosenUnverified(logger, choice.Declared.Name, choice.Summary, choice.Loaded.File, cpu.Class, cpu.Flags, choice.Reason);
        }
        else
        {
            RecognitionLog.ModelChosen(logger, choice.Declared.Name, choice.Summary, choice.Loaded.File, cpu.Class, cpu.Flags, choice.Reason);
        }
    }

    /// <summary>A copy in RGBA when the image's pixel format is not 8-bit RGBA/BGRA; null when it can be read as it is.</summary>
    private static SKBitmap? EnsureReadable(SKBitmap image) =>
        image.ColorType is SKColorType.Rgba8888 or SKColorType.Bgra8888
            ? null
            : image.Copy(SKColorType.Rgba8888) ?? throw new ArgumentException($"cannot convert a {image.ColorType} image to RGBA", nameof(image));

    private static long Lap(Dictionary<string, double> stages, string stage, long since)
    {
        var now = Stopwatch.GetTimestamp();
        stages[stage] = Stopwatch.GetElapsedTime(since, now).TotalMilliseconds;
        return now;
    }
}
