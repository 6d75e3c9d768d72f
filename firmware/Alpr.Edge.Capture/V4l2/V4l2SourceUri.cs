using System.Globalization;

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
        if (!Matches(source))
        {
            throw Invalid(source, "it does not start with v4l2://");
        }

        var rest = source[Prefix.Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var device = queryStart < 0 ? rest : rest[..queryStart];
        if (!device.StartsWith('/') || device.Length < 2)
        {
            throw Invalid(source, "it names no device path (three slashes: v4l2:///dev/video0)");
        }

        var options = new V4l2SourceOptions { Device = device };
        if (queryStart >= 0)
        {
            foreach (var pair in rest[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                options = key switch
                {
                    "width" => options with { Width = WholeNumber(source, key, value) },
                    "height" => options with { Height = WholeNumber(source, key, value) },
                    "fps" => options with { FramesPerSecond = Number(source, key, value) },
                    "exposure" => options with { Exposure = WholeNumber(source, key, value) },
                    "gain" => options with { Gain = WholeNumber(source, key, value) },
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
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, ex.Message);
        }

        return options;
    }

    private static double Number(string source, string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(source, $"{key}='{value}' is not a number");

    private static int WholeNumber(string source, string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(source, $"{key}='{value}' is not a whole number");

    private static ArgumentException Invalid(string source, string reason) =>
        new($"V4L2 source '{source}' is not valid: {reason.TrimEnd('.')}. Use {Form}.");
}
