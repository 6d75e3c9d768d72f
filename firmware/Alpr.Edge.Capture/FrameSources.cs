using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Simulation;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture;

/// <summary>
/// Creates a frame source from a <c>--source</c> value: <c>sim://SEED[?…]</c> (the simulated street camera),
/// an image folder (absolute or relative path), or <c>file:///folder[?fps=N&amp;loop=true]</c>.
/// </summary>
public static class FrameSources
{
    /// <summary>The accepted forms, for messages and help text.</summary>
    public const string AcceptedForms = $"{SimulatedSourceUri.Form}, an image folder path, or file:///FOLDER[?fps=N&loop=true]";

    /// <summary>Creates the source, or throws <see cref="ArgumentException"/> with a one-line reason for a value it cannot use.</summary>
    public static IFrameSource Create(string source, string camera, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (SimulatedSourceUri.Matches(source))
        {
            return new SimulatedCamera(camera, SimulatedSourceUri.Parse(source), timeProvider);
        }

        var scheme = SchemeOf(source);
        return scheme switch
        {
            null => FromFolder(source, source, new FolderFrameSourceOptions { Folder = source }, camera, timeProvider, loggerFactory),
            "file" => FromFileUri(source, camera, timeProvider, loggerFactory),
            "v4l2" => throw new ArgumentException(
                $"Source '{source}' is not supported yet: V4L2 (USB/CSI) cameras are planned. Use {AcceptedForms}."),
            "rtsp" or "rtsps" => throw new ArgumentException(
                $"Source '{source}' is not supported yet: RTSP network cameras are planned. Use {AcceptedForms}."),
            _ => throw new ArgumentException($"Unsupported source '{source}'. Use {AcceptedForms}."),
        };
    }

    private static FolderFrameSource FromFileUri(string source, string camera, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            throw new ArgumentException($"Source '{source}' is not a valid file URI. Use {AcceptedForms}.");
        }

        var options = new FolderFrameSourceOptions { Folder = uri.LocalPath };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
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

        return FromFolder(source, uri.LocalPath, options, camera, timeProvider, loggerFactory);
    }

    private static FolderFrameSource FromFolder(
        string source, string folder, FolderFrameSourceOptions options, string camera, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder of images" : "does not exist";
            throw new ArgumentException($"Source '{source}' {what}. Use {AcceptedForms}.");
        }

        return new FolderFrameSource(camera, options, timeProvider, loggerFactory.CreateLogger<FolderFrameSource>());
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
