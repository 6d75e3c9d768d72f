using System.Globalization;
using Alpr.Edge.Capture.Uris;

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
        var settings = new SourceQuery(reason => Invalid(source, reason));
        var (path, query) = settings.AfterPrefix(source, Prefix);
        var seedText = path.TrimEnd('/');
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            throw Invalid(source, $"the seed '{seedText}' is not a whole number");
        }

        var options = new SimulatedCameraOptions { Seed = seed };
        foreach (var (key, value) in SourceQuery.Pairs(query))
        {
            options = key switch
            {
                "fps" => options with { FramesPerSecond = settings.Number(key, value) },
                "frames" => options with { FrameCount = (long)settings.WholeNumber(key, value) },
                "width" => options with { Width = settings.WholeNumber(key, value) },
                "height" => options with { Height = settings.WholeNumber(key, value) },
                "night" => options with { Night = settings.Flag(key, value) },
                "plates" => options with
                {
                    PlateTexts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(text => text.ToUpperInvariant())
                        .ToList(),
                },
                _ => throw Invalid(source, $"unknown parameter '{key}' (use fps, frames, plates, night, width, height)"),
            };
        }

        settings.Validate(options.Validate);
        return options;
    }

    private static ArgumentException Invalid(string source, string reason) =>
        new($"Simulated camera source '{source}' is not valid: {reason.TrimEnd('.')}. Use {Form}.");
}
