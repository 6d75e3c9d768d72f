using System.Globalization;

namespace Alpr.Edge.Capture.Uris;

/// <summary>
/// Reads the <c>key=value&amp;...</c> settings of a camera source (the query of <c>sim://</c>, <c>v4l2://</c> and video files,
/// the fragment of network cameras) into typed values. A bad value throws the exception that the caller's
/// <c>invalid</c> builds from a one-line reason, so each kind of source keeps its own message and form.
/// </summary>
internal sealed class SourceQuery(Func<string, ArgumentException> invalid)
{
    /// <summary>
    /// <paramref name="text"/> split at the first <paramref name="separator"/>: what comes before it, and the settings after
    /// it (empty when there is no separator).
    /// </summary>
    public static (string Head, string Settings) Split(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, string.Empty) : (text[..at], text[(at + 1)..]);
    }

    /// <summary>
    /// <paramref name="source"/> without its <paramref name="prefix"/> (scheme and separator), split at the query: the path, and
    /// the settings after <c>?</c>. Throws as invalid when the source does not start with the prefix.
    /// </summary>
    public (string Path, string Settings) AfterPrefix(string source, string prefix)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!source.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw invalid($"it does not start with {prefix}");
        }

        return Split(source[prefix.Length..], '?');
    }

    /// <summary>The settings as pairs, both sides unescaped and the key in lower case; a key without <c>=</c> has an empty value.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(string settings)
    {
        foreach (var pair in settings.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            yield return (key, value);
        }
    }

    /// <summary>A number, invariant culture.</summary>
    public double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw invalid($"{key}='{value}' is not a number");

    /// <summary>A whole number without sign.</summary>
    public int WholeNumber(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw invalid($"{key}='{value}' is not a whole number");

    /// <summary>A flag: empty (the key alone), <c>true</c>, <c>1</c> or <c>yes</c>; <c>false</c>, <c>0</c> or <c>no</c>.</summary>
    public bool Flag(string key, string value) => value.ToLowerInvariant() switch
    {
        "" or "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw invalid($"{key}='{value}' is not true or false"),
    };

    /// <summary>Runs <paramref name="validate"/>; the <see cref="ArgumentException"/> it throws is reworded as invalid.</summary>
    public void Validate(Action validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            throw invalid(ex.Message);
        }
    }
}
