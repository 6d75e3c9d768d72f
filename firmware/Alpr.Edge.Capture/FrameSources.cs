using Alpr.Edge.Capture.Ffmpeg;
using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.V4l2;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture;

/// <summary>
/// Creates a frame source from a <c>--source</c> value: <c>sim://SEED[?…]</c> (the simulated street camera),
/// <c>v4l2:///dev/videoN[?…]</c> (USB/CSI camera), <c>rtsp://…</c> and <c>http(s)://…</c> (network cameras through ffmpeg), a video
/// file (path or <c>file://</c>, through ffmpeg), or an image folder (path or <c>file:///folder[?fps=N&amp;loop=true]</c>).
/// </summary>
public static class FrameSources
{
    /// <summary>The accepted forms, for messages and help text.</summary>
    public const string AcceptedForms = $"{SimulatedSourceUri.Form}, {V4l2SourceUri.Form}, {FfmpegSourceUri.Forms}, an image folder path, or file:///FOLDER[?fps=N&loop=true]";

    /// <summary>Creates the source, or throws <see cref="ArgumentException"/> with a one-line reason for a value it cannot use.</summary>
    public static IFrameSource Create(string source, string camera, TimeProvider timeProvider, ILoggerFactory loggerFactory) =>
        Create(source, camera, new FrameSourceContext(timeProvider, loggerFactory));

    /// <summary>Creates the source with <paramref name="context"/>, or throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static IFrameSource Create(string source, string camera, FrameSourceContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(context);
        if (SimulatedSourceUri.Matches(source))
        {
            return new SimulatedCamera(camera, SimulatedSourceUri.Parse(source), context.TimeProvider);
        }

        var scheme = SchemeOf(source);
        return scheme switch
        {
            null when FfmpegSourceUri.IsVideoFile(source) && !Directory.Exists(source) =>
                FfmpegFile(source, source, string.Empty, camera, context),
            null => FromFolder(source, source, new FolderFrameSourceOptions { Folder = source }, camera, context),
            "file" => FromFileUri(source, camera, context),
            "v4l2" => new V4l2FrameSource(
                camera, V4l2SourceUri.Parse(source), context.OpenV4l2Device, context.TimeProvider, context.LoggerFactory.CreateLogger<V4l2FrameSource>(), context.Health),
            "rtsp" or "rtsps" or "http" or "https" => new FfmpegFrameSource(
                camera, FfmpegSourceUri.ParseNetwork(source, context.FfmpegProgram), context.TimeProvider, context.LoggerFactory.CreateLogger<FfmpegFrameSource>(), context.Health),
            _ => throw new ArgumentException($"Unsupported source '{FfmpegSourceUri.Redact(source)}'. Use {AcceptedForms}."),
        };
    }

    /// <summary>The frame rate <paramref name="source"/> promises, without opening it; null when it promises none or cannot be parsed.</summary>
    public static double? ExpectedFramesPerSecond(string source, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        try
        {
            var created = Create(source, "probe", timeProvider, loggerFactory);
            var fps = created.ExpectedFramesPerSecond;
            created.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return fps;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException)
        {
            return null;
        }
    }

    private static IFrameSource FromFileUri(string source, string camera, FrameSourceContext context)
    {
        var queryStart = source.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = queryStart < 0 ? source : source[..queryStart];
        if (!Uri.TryCreate(withoutQuery, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            throw new ArgumentException($"Source '{source}' is not a valid file URI. Use {AcceptedForms}.");
        }

        var query = queryStart < 0 ? string.Empty : source[(queryStart + 1)..];
        if (File.Exists(uri.LocalPath) || FfmpegSourceUri.IsVideoFile(uri.LocalPath))
        {
            return FfmpegFile(source, uri.LocalPath, query, camera, context);
        }

        var options = new FolderFrameSourceOptions { Folder = uri.LocalPath };
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = parts[0].ToLowerInvariant();
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "true";
            options = key switch
            {
                "fps" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var fps) && fps is >= 0 and <= 120 =>
                    options with { Interval = fps == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1 / fps) },
                "loop" when bool.TryParse(value, out var loop) => options with { Loop = loop },
                _ => throw new ArgumentException(
                    $"Source '{source}' has an unknown or invalid parameter '{pair}' (use fps=0–120, loop=true|false)."),
            };
        }

        return FromFolder(source, uri.LocalPath, options, camera, context);
    }

    private static FfmpegFrameSource FfmpegFile(string source, string path, string query, string camera, FrameSourceContext context) =>
        new(camera, FfmpegSourceUri.ParseFile(source, path, query, context.FfmpegProgram), context.TimeProvider, context.LoggerFactory.CreateLogger<FfmpegFrameSource>(), context.Health);

    private static FolderFrameSource FromFolder(string source, string folder, FolderFrameSourceOptions options, string camera, FrameSourceContext context)
    {
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder of images or a video" : "does not exist";
            throw new ArgumentException($"Source '{source}' {what}. Use {AcceptedForms}.");
        }

        return new FolderFrameSource(camera, options, context.TimeProvider, context.LoggerFactory.CreateLogger<FolderFrameSource>());
    }

    /// <summary>The lower-case scheme of <c>scheme://…</c>, or null for a plain path.</summary>
    private static string? SchemeOf(string source)
    {
        var separator = source.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var scheme = source[..separator];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(scheme[0])
            ? scheme.ToLowerInvariant()
            : null;
    }
}
