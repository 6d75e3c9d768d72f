namespace Alpr.Edge.Capture.Simulation;

/// <summary>Settings of the simulated street camera. Same options (seed included) → byte-identical frames.</summary>
public sealed record SimulatedCameraOptions
{
    /// <summary>Where the plate font is looked for (Debian package <c>fonts-dejavu-core</c>).</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>Seed of the scene: traffic, plates, noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Frame width in pixels (320–4096).</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels (240–4096).</summary>
    public int Height { get; init; } = 720;

    /// <summary>Frames per second (0–120); 0 delivers frames as fast as the consumer takes them.</summary>
    public double FramesPerSecond { get; init; } = 10;

    /// <summary>Number of frames before the stream ends; null for an endless stream.</summary>
    public long? FrameCount { get; init; }

    /// <summary>
    /// Plates the vehicles carry, in order and cycling (upper-case letters and digits, 1–8 characters);
    /// empty or null for generated plates.
    /// </summary>
    public IReadOnlyList<string>? PlateTexts { get; init; }

    /// <summary>Renders the night look of an infrared camera: grey, high contrast, bright plates.</summary>
    public bool Night { get; init; }

    /// <summary>Path of the bold TrueType font the plate characters are drawn with.</summary>
    public string FontPath { get; init; } = DefaultFontPath;

    /// <summary>Time between frames, or <see cref="TimeSpan.Zero"/> when unpaced.</summary>
    public TimeSpan FrameInterval => FramesPerSecond > 0 ? TimeSpan.FromSeconds(1 / FramesPerSecond) : TimeSpan.Zero;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(Width is >= 320 and <= 4096, nameof(Width), $"must be 320–4096 pixels, was {Width}");
        Require(Height is >= 240 and <= 4096, nameof(Height), $"must be 240–4096 pixels, was {Height}");
        Require(FramesPerSecond is >= 0 and <= 120 && double.IsFinite(FramesPerSecond), nameof(FramesPerSecond), $"must be 0–120 (0 = unpaced), was {FramesPerSecond}");
        Require(FrameCount is null or >= 0, nameof(FrameCount), $"must be 0 or more (or null for endless), was {FrameCount}");
        Require(!string.IsNullOrWhiteSpace(FontPath), nameof(FontPath), "must name a TrueType font file");
        foreach (var text in PlateTexts ?? [])
        {
            Require(IsPlateText(text), nameof(PlateTexts), $"'{text}' is not a plate: use 1–8 upper-case letters and digits");
        }
    }

    /// <summary>Whether <paramref name="text"/> is something the simulator can put on a plate.</summary>
    public static bool IsPlateText(string? text) =>
        text is { Length: >= 1 and <= 8 } && text.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Simulated camera option {key} {message}.");
        }
    }
}
