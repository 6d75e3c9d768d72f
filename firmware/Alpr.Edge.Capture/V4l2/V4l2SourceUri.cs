using Alpr.Edge.Capture.Uris;

namespace Alpr.Edge.Capture.V4l2;

/// <summary>Parses <c>v4l2:///dev/video0[?width=N&amp;height=N&amp;format=mjpeg|yuyv&amp;fps=N&amp;exposure=N&amp;gain=N]</c>.</summary>
public static class V4l2SourceUri
{
    /// <summary>The scheme with its separator.</summary>
    public const string Prefix = "v4l2://";

    /// <summary>The accepted form, for messages.</summary>
    public const string Form = "v4l2:///dev/videoN[?width=N&height=N&format=mjpeg|yuyv&fps=N&exposure=N&gain=N]";

    /// <summary>Whether <paramref name="source"/> uses the <c>v4l2</c> scheme.</summary>
    public static bool Matches(string source) => source is not null && source.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options <paramref name="source"/> asks for; throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static V4l2SourceOptions Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = new SourceQuery(reason => Invalid(source, reason));
        var (device, query) = settings.AfterPrefix(source, Prefix);
        if (!device.StartsWith('/') || device.Length < 2)
        {
            throw Invalid(source, "it names no device path (three slashes: v4l2:///dev/video0)");
        }

        var options = new V4l2SourceOptions { Device = device };
        foreach (var (key, value) in SourceQuery.Pairs(query))
        {
            options = key switch
            {
                "width" => options with { Width = settings.WholeNumber(key, value) },
                "height" => options with { Height = settings.WholeNumber(key, value) },
                "fps" => options with { FramesPerSecond = settings.Number(key, value) },
                "exposure" => options with { Exposure = settings.WholeNumber(key, value) },
                "gain" => options with { Gain = settings.WholeNumber(key, value) },
                "format" => options with
                {
                    Format = value.ToLowerInvariant() switch
                    {
                        "mjpeg" or "mjpg" => V4l2PixelFormat.Mjpeg,
                        "yuyv" or "yuy2" => V4l2PixelFormat.Yuyv,
                        _ => throw Invalid(source, $"format='{value}' is not mjpeg or yuyv"),
                    },
                },
                _ => throw Invalid(source, $"unknown parameter '{key}' (use width, height, format, fps, exposure, gain)"),
            };
        }

        settings.Validate(options.Validate);
        return options;
    }

    private static ArgumentException Invalid(string source, string reason) =>
        new($"V4L2 source '{source}' is not valid: {reason.TrimEnd('.')}. Use {Form}.");
}
