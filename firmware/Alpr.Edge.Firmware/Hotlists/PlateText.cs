namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>The one normal form plates are compared in: upper case, no spaces or dashes.</summary>
public static class PlateText
{
    /// <summary>Upper-cases <paramref name="text"/> and removes spaces and dashes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length - text.Count(c => c is ' ' or '-' or '\t'), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c is not (' ' or '-' or '\t'))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    /// <summary>True when <paramref name="normalized"/> is 1-10 characters of A-Z and 0-9.</summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is >= 1 and <= 10 && normalized.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}
