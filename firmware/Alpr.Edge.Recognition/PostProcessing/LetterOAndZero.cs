namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// The letter O and the digit 0 look alike on plates, and most US serial formats that mix letters and digits do not issue
/// the letter O. In a reading that holds digits, an O is therefore read as 0; a reading without digits (a vanity word) keeps it.
/// </summary>
public static class LetterOAndZero
{
    /// <summary><paramref name="text"/> with every O read as 0 when it also holds a digit; otherwise unchanged.</summary>
    public static string Prefer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('O', StringComparison.Ordinal) && text.Any(char.IsAsciiDigit)
            ? text.Replace('O', '0')
            : text;
    }
}
