namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>
/// How one issuing state's plates look. <see cref="Pattern"/> uses <c>#</c> for a digit and <c>A</c> for a
/// letter; a vanity format has no pattern and draws from <see cref="VanityTexts"/>.
/// </summary>
/// <param name="State">State code, such as <c>CA</c>.</param>
/// <param name="StateName">Name printed above the characters.</param>
/// <param name="Pattern">Character pattern, or null for vanity plates.</param>
/// <param name="Slogan">Small text printed below the characters, or null.</param>
/// <param name="VanityTexts">Texts a vanity plate picks from.</param>
public sealed record PlateFormat(string State, string StateName, string? Pattern, string? Slogan, IReadOnlyList<string> VanityTexts)
{
    /// <summary>Whether <paramref name="text"/> could have been issued in this format.</summary>
    public bool Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Pattern is null)
        {
            return VanityTexts.Contains(text);
        }

        if (text.Length != Pattern.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var fits = Pattern[i] switch
            {
                '#' => char.IsAsciiDigit(text[i]),
                'A' => char.IsAsciiLetterUpper(text[i]),
                _ => text[i] == Pattern[i],
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }
}
