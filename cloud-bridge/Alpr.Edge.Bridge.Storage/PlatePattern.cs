namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A plate to search for: a full plate (<c>7ABC123</c>), or a pattern where <c>?</c> stands for one character and
/// <c>*</c> for any run of characters (<c>7AB?123</c>, <c>7AB*</c>, <c>*123</c>). Plates are normalised A-Z and 0-9,
/// so a valid pattern needs no escaping in SQL.
/// </summary>
public sealed record PlatePattern
{
    /// <summary>Longest plate or pattern accepted.</summary>
    public const int MaxLength = 16;

    private PlatePattern(string text) => Text = text;

    /// <summary>The plate or pattern, upper case.</summary>
    public string Text { get; }

    /// <summary>True when the text has a <c>?</c> or <c>*</c>.</summary>
    public bool IsPattern => Text.AsSpan().IndexOfAny('?', '*') >= 0;

    /// <summary>The pattern as an SQL <c>LIKE</c> pattern (<c>?</c> is <c>_</c>, <c>*</c> is <c>%</c>).</summary>
    public string ToLike() => Text.Replace('?', '_').Replace('*', '%');

    /// <summary>Parses a plate or pattern; false with a one-line reason for anything else.</summary>
    public static bool TryParse(string text, out PlatePattern? pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length is 0 or > MaxLength)
        {
            error = $"plate: '{text}' must be 1 to {MaxLength} characters";
            return false;
        }

        foreach (var c in upper)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '?' or '*'))
            {
                error = $"plate: '{text}' may hold only A-Z, 0-9, ? (one character) and * (any characters)";
                return false;
            }
        }

        if (upper.Trim('*').Length == 0)
        {
            error = $"plate: '{text}' must hold at least one character other than *";
            return false;
        }

        pattern = new PlatePattern(upper);
        error = null;
        return true;
    }
}
