using System.Text.RegularExpressions;

namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// What the characters of a US-style plate look like: 4 to 8 symbols, usually letters and digits mixed. Words printed on
/// plates and around them (state names, "COUNTY", "DEALER"...) are not plate numbers.
/// </summary>
public static partial class PlateTextRules
{
    /// <summary>Fewest characters a plate number has.</summary>
    public const int MinLength = 4;

    /// <summary>Most characters a plate number has.</summary>
    public const int MaxLength = 8;

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT", "DELAWARE", "FLORIDA",
        "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "LOUISIANA", "MAINE",
        "MARYLAND", "MASSACHUSETTS", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI", "MONTANA", "NEBRASKA",
        "NEVADA", "NEWHAMPSHIRE", "NEWJERSEY", "NEWMEXICO", "NEWYORK", "NORTHCAROLINA", "NORTHDAKOTA", "OHIO",
        "OKLAHOMA", "OREGON", "PENNSYLVANIA", "RHODEISLAND", "SOUTHCAROLINA", "SOUTHDAKOTA", "TENNESSEE", "TEXAS",
        "UTAH", "VERMONT", "VIRGINIA", "WASHINGTON", "WESTVIRGINIA", "WISCONSIN", "WYOMING", "COLUMBIA",
        "DISTRICT", "JERSEY", "CAROLINA", "DAKOTA", "HAMPSHIRE", "MEXICO", "YORK", "ISLAND", "STATE", "COUNTY",
        "DEALER", "AMERICA", "AMERICAN", "USA", "TRUCK", "TRAILER", "EXEMPT", "OFFICIAL", "GOVERNMENT", "APPORTIONED",
        "COMMERCIAL", "PASSENGER", "VEHICLE", "MOTORCYCLE", "TEMPORARY", "TEMP", "SUNSHINE", "EMPIRE", "GARDEN",
        "LINCOLN", "LAND", "GRAND", "CANYON", "TEXAS", "VISIT", "FIRST", "NATION", "FREEDOM", "LIVE", "FREE", "DIE",
        "WWW", "COM", "ORG", "GOV", "DMV", "DMVCAGOV", "DMVORG", "EXPIRES", "EXP", "REGISTERED", "PLATE", "LICENSE", "FORD", "TOYOTA", "HONDA",
        "NISSAN", "CHEVROLET", "CHEVY", "DODGE", "JEEP", "SUBARU", "HYUNDAI", "LEXUS", "ACURA", "MAZDA", "AUDI",
        "VOLKSWAGEN", "MERCEDES", "TESLA", "BUICK", "CADILLAC", "CHRYSLER", "INFINITI", "KIA", "VOLVO", "PORSCHE",
    };

    /// <summary>
    /// True when an all-digit text reads as a date stamp (a camera's time overlay): a year 1990-2039 followed by a valid
    /// month, at the start or after a day and month.
    /// </summary>
    public static bool LooksLikeDateStamp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= 6 && text.All(char.IsAsciiDigit) && DateStamp().IsMatch(text);
    }

    /// <summary>Shortest piece of a known word that counts as that word (a state name cut by the frame's edge).</summary>
    private const int MinWordPiece = 5;

    /// <summary>
    /// True when <paramref name="text"/> is a word known to appear on or near plates but never as the number, or the start
    /// or end (at least five letters) of one, as when the frame's edge cuts it. A 0 counts as the letter O (a reader trained on
    /// labels that write 0 for O reads "OREGON" as "0REG0N").
    /// </summary>
    public static bool IsKnownWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace('0', 'O');
        return Words.Contains(text)
            || (text.Length >= MinWordPiece && text.All(char.IsAsciiLetter)
                && Words.Any(w => w.StartsWith(text, StringComparison.Ordinal) || w.EndsWith(text, StringComparison.Ordinal)));
    }

    /// <summary>
    /// How much the content looks like a plate number, 0..1: 0 for the wrong length or a known word,
    /// 1 for letters and digits mixed, less for digits only, least for letters only.
    /// </summary>
    public static double ContentScore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < MinLength or > MaxLength || IsKnownWord(text))
        {
            return 0;
        }

        if (LooksLikeDateStamp(text))
        {
            return 0.2;
        }

        var digits = text.Count(char.IsAsciiDigit);
        var letters = text.Length - digits;
        return (digits, letters) switch
        {
            (> 0, > 0) => 1.0,
            (> 0, 0) => 0.8,
            _ => 0.5,
        };
    }

    [GeneratedRegex("^(19[9]\\d|20[0-3]\\d)(0[1-9]|1[0-2])|^(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])(19[9]\\d|20[0-3]\\d)|^(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(19[9]\\d|20[0-3]\\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateStamp();
}
