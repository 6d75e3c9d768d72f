using System.Globalization;

namespace Alpr.Edge.Capture.Simulation;

/// <summary>
/// Parses <c>sim://SEED[?fps=N&amp;frames=N&amp;plates=A,B&amp;night=true&amp;width=N&amp;height=N]</c> into
/// <see cref="SimulatedCameraOptions"/>. Unknown parameters are refused by name.
/// </summary>
public static class SimulatedSourceUri
{
    /// <summary>The scheme, with its separator.</summary>
    public const string Prefix = "sim://";

    /// <summary>The accepted form, for messages.</summary>
    public const string Form = "sim://SEED[?fps=N&frames=N&plates=A,B&night=true&width=N&height=N]";

    /// <summary>Whether <paramref name="source"/> uses the <c>sim</c> scheme.</summary>
    public static bool Matches(string source) =>
        source is not null && source.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options <paramref name="source"/> asks for; throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static SimulatedCameraOptions Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Matches(source))
        {
            throw Invalid(source, "it does not start with sim://");
        }

        var rest = source[Prefix.Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var seedText = (queryStart < 0 ? rest : rest[..queryStart]).TrimEnd('/');
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            throw Invalid(source, $"the seed '{seedText}' is not a whole number");
        }

        var options = new SimulatedCameraOptions { Seed = seed };
        if (queryStart >= 0)
        {
            foreach (var pair in rest[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                options = Apply(source, options, pair);
            }
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw Invalid(source, exception.Message);
        }

        return options;
    }

    private static SimulatedCameraOptions Apply(string source, SimulatedCameraOptions options, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
        var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
        return key switch
        {
            "fps" => options with { FramesPerSecond = Number(source, key, value) },
            "frames" => options with { FrameCount = (long)WholeNumber(source, key, value) },
            "width" => options with { Width = WholeNumber(source, key, value) },
            "height" => options with { Height = WholeNumber(source, key, value) },
            "night" => options with { Night = Flag(source, key, value) },
            "plates" => options with
            {
                PlateTexts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(text => text.ToUpperInvariant())
                    .ToList(),
            },
            _ => throw Invalid(source, $"unknown parameter '{key}' (use fps, frames, plates, night, width, height)"),
        };
    }

    private static double Number(string source, string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(source, $"{key}='{value}' is not a number");

    private static int WholeNumber(string source, string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(source, $"{key}='{value}' is not a whole number");

    private static bool Flag(string source, string key, string value) => value.ToLowerInvariant() switch
    {
        "" or "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw Invalid(source, $"{key}='{value}' is not true or false"),
    };

    private static ArgumentException Invalid(string source, string reason) =>
        new($"Simulated camera source '{source}' is not valid: {reason.TrimEnd('.')}. Use {Form}.");
}
