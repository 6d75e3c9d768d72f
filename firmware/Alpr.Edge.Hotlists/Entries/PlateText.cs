namespace Alpr.Edge.Hotlists.Entries;

/// <summary>
/// The one normal form plates and patterns are compared in: upper case, no spaces, tabs or dashes.
/// A plate is 1-10 of A-Z and 0-9; a pattern also holds <c>?</c> (one unknown character) or <c>*</c> (any run).
/// </summary>
public static class PlateText
{
    /// <summary>Most characters in a plate (and most known or <c>?</c> characters in a pattern).</summary>
    public const int MaxLength = 10;

    /// <summary>Fewest known characters a pattern needs: fewer would alert on a large share of all traffic.</summary>
    public const int MinPatternKnownCharacters = 2;

    /// <summary>Upper-cases <paramref name="text"/> and removes spaces, tabs and dashes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keep = 0;
        var changed = false;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '\t')
            {
                changed = true;
            }
            else
            {
                keep++;
                changed |= c is >= 'a' and <= 'z' || c > 127;
            }
        }

        if (!changed)
        {
            return text;
        }

        return string.Create(keep, text, static (span, source) =>
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

    /// <summary>True when <paramref name="text"/> holds <c>?</c> or <c>*</c>.</summary>
    public static bool IsPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny('?', '*') >= 0;
    }

    /// <summary>True when <paramref name="normalized"/> is 1-10 characters of A-Z and 0-9.</summary>
    public static bool IsValidPlate(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return normalized.Length is >= 1 and <= MaxLength && normalized.All(IsPlateCharacter);
    }

    /// <summary>
    /// Null when <paramref name="normalized"/> is a valid pattern, else the reason: A-Z, 0-9, <c>?</c> and <c>*</c>
    /// only, at least one wildcard, no <c>**</c>, at most 10 characters besides <c>*</c>, at least 2 known characters.
    /// </summary>
    public static string? PatternProblem(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (!normalized.All(c => IsPlateCharacter(c) || c is '?' or '*'))
        {
            return "may hold only A-Z, 0-9, ? and *";
        }

        if (!IsPattern(normalized))
        {
            return "is not a pattern (no ? or *)";
        }

        if (normalized.Contains("**", StringComparison.Ordinal))
        {
            return "holds ** (write one *)";
        }

        if (normalized.Count(c => c != '*') > MaxLength)
        {
            return $"holds more than {MaxLength} characters besides *";
        }

        return normalized.Count(IsPlateCharacter) < MinPatternKnownCharacters
            ? $"needs at least {MinPatternKnownCharacters} known characters"
            : null;
    }

    private static bool IsPlateCharacter(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
