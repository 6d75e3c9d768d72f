using System.Text;

namespace Alpr.Edge.Hotlists.Entries;

/// <summary>Checks one entry; the same rules for bundles and CSV files, so the bridge refuses what a device would.</summary>
public static class HotlistEntryValidator
{
    /// <summary>Longest id, list name, case number, issuer or user name, in UTF-8 bytes.</summary>
    public const int MaxFieldBytes = 64;

    /// <summary>Longest CLETS reference, in UTF-8 bytes.</summary>
    public const int MaxCletsReferenceBytes = 128;

    /// <summary>Null when <paramref name="entry"/> is valid, else a one-line reason naming the field.</summary>
    public static string? Problem(HotlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Plate is null || entry.Id is null || entry.ListName is null || entry.Category is null)
        {
            return "plate, id, list and category are required";
        }

        if (PlateText.IsPattern(entry.Plate))
        {
            if (PlateText.PatternProblem(entry.Plate) is { } patternProblem)
            {
                return $"pattern '{entry.Plate}' {patternProblem}";
            }

            if (entry.Strictness == MatchStrictness.ConfusionsAndOneEdit)
            {
                return $"pattern '{entry.Plate}' cannot allow one edit (its * already covers length); use exact or confusions";
            }
        }
        else if (!PlateText.IsValidPlate(entry.Plate))
        {
            return $"plate '{entry.Plate}' must be 1-{PlateText.MaxLength} letters and digits, upper case, without spaces or dashes";
        }

        return FieldProblem("id", entry.Id, required: true, MaxFieldBytes)
            ?? FieldProblem("list", entry.ListName, required: true, MaxFieldBytes)
            ?? CategoryProblem(entry.Category)
            ?? StateProblem(entry.IssuingState)
            ?? FieldProblem("case", entry.CaseNumber, required: false, MaxFieldBytes)
            ?? FieldProblem("enteredBy", entry.EnteredBy, required: false, MaxFieldBytes)
            ?? FieldProblem("cletsRef", entry.CletsReference, required: entry.DetailsFromClets, MaxCletsReferenceBytes)
            ?? OtherProblem(entry);
    }

    private static string? OtherProblem(HotlistEntry entry)
    {
        if (!Enum.IsDefined(entry.Strictness))
        {
            return $"match '{entry.Strictness}' is not exact, confusions or confusions-and-one-edit";
        }

        if (double.IsNaN(entry.MinScore) || entry.MinScore is < 0 or > 1)
        {
            return $"minScore {entry.MinScore} must be between 0 and 1";
        }

        return entry.StartsAt is { } start && entry.ExpiresAt is { } end && end <= start
            ? "expires must be after start"
            : null;
    }

    private static string? CategoryProblem(string category) =>
        HotlistCategories.IsValid(category)
            ? null
            : $"category '{category}' must be 1-32 characters of a-z, 0-9 and dashes, e.g. {string.Join(", ", HotlistCategories.Known)}";

    private static string? StateProblem(string? state) =>
        state is null || (state.Length == 2 && state.All(c => c is >= 'A' and <= 'Z'))
            ? null
            : $"state '{state}' must be two upper-case letters (e.g. CA) or absent";

    private static string? FieldProblem(string name, string? value, bool required, int maxBytes)
    {
        if (value is null || value.Length == 0)
        {
            return required ? $"{name} is required" : null;
        }

        if (Encoding.UTF8.GetByteCount(value) > maxBytes)
        {
            return $"{name} is longer than {maxBytes} bytes";
        }

        return value.Any(char.IsControl) ? $"{name} holds control characters" : null;
    }
}
