using Alpr.Edge.Capture.Uris;

namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>
/// Parses the sources ffmpeg decodes. Network cameras keep their own query (cameras use it to pick a channel or profile), so our
/// settings go in the fragment, which is never sent: <c>rtsp://HOST/PATH[#fps=N&amp;width=N&amp;height=N&amp;transport=tcp|udp]</c>,
/// <c>http(s)://HOST/PATH[#fps=N&amp;width=N&amp;height=N]</c>. Video files take a query like image folders:
/// <c>file:///PATH.mp4[?fps=N&amp;loop=true&amp;width=N&amp;height=N]</c> or a bare path ending in a video extension.
/// </summary>
public static class FfmpegSourceUri
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Forms = "rtsp://HOST/PATH[#fps=N&width=N&height=N&transport=tcp|udp], http(s)://HOST/PATH[#fps=N&width=N&height=N], "
        + "a video file (.mp4, .mkv, .avi, .mov, .ts, .webm, .mjpeg) or file:///VIDEO[?fps=N&loop=true&width=N&height=N]";

    /// <summary>The video file extensions read through ffmpeg, lower case with the dot.</summary>
    public static IReadOnlyList<string> VideoExtensions { get; } = [".mp4", ".mkv", ".avi", ".mov", ".m4v", ".ts", ".webm", ".mjpeg", ".mjpg", ".h264", ".h265"];

    /// <summary>Whether <paramref name="path"/> ends in one of <see cref="VideoExtensions"/>.</summary>
    public static bool IsVideoFile(string path) => VideoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Options for a network camera URL (<c>rtsp</c>, <c>rtsps</c>, <c>http</c>, <c>https</c>); throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static FfmpegSourceOptions ParseNetwork(string source, string program = FfmpegSourceOptions.DefaultProgram)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var (url, fragment) = SourceQuery.Split(source, '#');
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(source, "it is not an absolute URL with a host");
        }

        var kind = uri.Scheme.ToLowerInvariant() switch
        {
            "rtsp" or "rtsps" => FfmpegInputKind.Rtsp,
            "http" or "https" => FfmpegInputKind.Http,
            _ => throw Invalid(source, $"scheme '{uri.Scheme}' is not rtsp, rtsps, http or https"),
        };
        var options = new FfmpegSourceOptions { Input = url, Kind = kind, Program = program };
        var allowed = kind == FfmpegInputKind.Rtsp ? "fps, width, height, transport" : "fps, width, height";
        var settings = Settings(source);
        foreach (var (key, value) in SourceQuery.Pairs(fragment))
        {
            options = key switch
            {
                "fps" => options with { FramesPerSecond = settings.Number(key, value) },
                "width" => options with { Width = settings.WholeNumber(key, value) },
                "height" => options with { Height = settings.WholeNumber(key, value) },
                "transport" when kind == FfmpegInputKind.Rtsp => options with { RtspTransport = value.ToLowerInvariant() },
                "listen" when kind == FfmpegInputKind.Rtsp => options with { Listen = settings.Flag(key, value) },
                _ => throw Invalid(source, $"unknown setting '{key}' after # (use {allowed})"),
            };
        }

        settings.Validate(options.Validate);
        return options;
    }

    /// <summary>Options for a video file given as a path or <c>file://</c> URI with a query; throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static FfmpegSourceOptions ParseFile(string source, string path, string query, string program = FfmpegSourceOptions.DefaultProgram)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(query);
        if (!File.Exists(path))
        {
            throw Invalid(source, $"the video file '{path}' does not exist");
        }

        var options = new FfmpegSourceOptions { Input = path, Kind = FfmpegInputKind.File, Program = program };
        var settings = Settings(source);
        foreach (var (key, value) in SourceQuery.Pairs(query.TrimStart('?')))
        {
            options = key switch
            {
                "fps" => options with { FramesPerSecond = settings.Number(key, value) },
                "loop" => options with { Loop = settings.Flag(key, value) },
                "width" => options with { Width = settings.WholeNumber(key, value) },
                "height" => options with { Height = settings.WholeNumber(key, value) },
                _ => throw Invalid(source, $"unknown parameter '{key}' (use fps, loop, width, height)"),
            };
        }

        settings.Validate(options.Validate);
        return options;
    }

    private static SourceQuery Settings(string source) => new(reason => Invalid(source, reason));

    private static ArgumentException Invalid(string source, string reason) =>
        new($"Source '{Redact(source)}' is not valid: {reason.TrimEnd('.')}. Use {Forms}.");

    /// <summary>The source with any password in its user info replaced by <c>***</c>, for messages and logs.</summary>
    public static string Redact(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var scheme = source.IndexOf("://", StringComparison.Ordinal);
        var at = source.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return source;
        }

        var colon = source.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(source.AsSpan(0, colon + 1), "***", source.AsSpan(at)) : source;
    }
}
