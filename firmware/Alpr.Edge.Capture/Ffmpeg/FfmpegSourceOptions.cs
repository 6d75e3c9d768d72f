namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>Settings of a camera or video file decoded by ffmpeg (see <see cref="FfmpegSourceUri"/> for the URI forms).</summary>
public sealed record FfmpegSourceOptions
{
    /// <summary>The ffmpeg program; a bare name is looked up on <c>PATH</c> (Debian package <c>ffmpeg</c>).</summary>
    public const string DefaultProgram = "ffmpeg";

    /// <summary>The URL or file path handed to ffmpeg's <c>-i</c>.</summary>
    public required string Input { get; init; }

    /// <summary>What <see cref="Input"/> is.</summary>
    public required FfmpegInputKind Kind { get; init; }

    /// <summary>
    /// Live cameras: the rate ffmpeg reduces the stream to (<c>fps</c> filter); null keeps the camera's rate. Video files: frames are
    /// delivered at this rate (0 = as fast as they are taken); null replays at the file's own rate.
    /// </summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>Scale frames to this width (with <see cref="Height"/>, or keeping the aspect ratio).</summary>
    public int? Width { get; init; }

    /// <summary>Scale frames to this height (with <see cref="Width"/>, or keeping the aspect ratio).</summary>
    public int? Height { get; init; }

    /// <summary>Video files: start again at the end instead of ending.</summary>
    public bool Loop { get; init; }

    /// <summary>RTSP: <c>tcp</c> (default, survives lossy links) or <c>udp</c>.</summary>
    public string RtspTransport { get; init; } = "tcp";

    /// <summary>RTSP: wait for the camera to push its stream to this URL (<c>-rtsp_flags listen</c>) instead of connecting to it.</summary>
    public bool Listen { get; init; }

    /// <summary>Network reads that take longer than this fail inside ffmpeg (the supervisor's stall timeout backs it up).</summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>JPEG quality of the frames ffmpeg hands over (<c>-q:v</c>, 2 best – 31 worst).</summary>
    public int JpegQuality { get; init; } = 3;

    /// <summary>Live cameras: frames waiting for the consumer; when full the oldest is dropped and counted, so frames stay fresh.</summary>
    public int BufferFrames { get; init; } = 2;

    /// <summary>The ffmpeg program to run.</summary>
    public string Program { get; init; } = DefaultProgram;

    /// <summary>Whether this is a live camera (its stream ending means it went away).</summary>
    public bool IsLive => Kind != FfmpegInputKind.File;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Input), nameof(Input), "must name a URL or file");
        Require(FramesPerSecond is null or (>= 0 and <= 120) && (FramesPerSecond is null || double.IsFinite(FramesPerSecond.Value)), "fps", $"must be 0–120, was {FramesPerSecond}");
        Require(IsLive ? FramesPerSecond is not 0 : true, "fps", "must be above 0 for a live camera");
        Require(Width is null or (>= 16 and <= 8192), "width", $"must be 16–8192 pixels, was {Width}");
        Require(Height is null or (>= 16 and <= 8192), "height", $"must be 16–8192 pixels, was {Height}");
        Require(RtspTransport is "tcp" or "udp", "transport", $"must be tcp or udp, was '{RtspTransport}'");
        Require(IoTimeout > TimeSpan.Zero, nameof(IoTimeout), "must be positive");
        Require(JpegQuality is >= 2 and <= 31, nameof(JpegQuality), $"must be 2–31, was {JpegQuality}");
        Require(BufferFrames is >= 1 and <= 100, nameof(BufferFrames), $"must be 1–100, was {BufferFrames}");
        Require(!string.IsNullOrWhiteSpace(Program), nameof(Program), "must name the ffmpeg program");
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"ffmpeg source option {key} {message}.");
        }
    }
}
