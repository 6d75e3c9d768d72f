namespace Alpr.Edge.Hotlists.Entries;

/// <summary>
/// The categories the department uses, written in kebab case. Other categories are allowed (they read as
/// custom ones) as long as they are 1-32 characters of a-z, 0-9 and dashes.
/// </summary>
public static class HotlistCategories
{
    /// <summary>Stolen vehicle.</summary>
    public const string StolenVehicle = "stolen-vehicle";

    /// <summary>Stolen plate.</summary>
    public const string StolenPlate = "stolen-plate";

    /// <summary>Wanted person.</summary>
    public const string WantedPerson = "wanted-person";

    /// <summary>Missing person.</summary>
    public const string MissingPerson = "missing-person";

    /// <summary>AMBER alert.</summary>
    public const string AmberAlert = "amber-alert";

    /// <summary>Warrant.</summary>
    public const string Warrant = "warrant";

    /// <summary>A department-defined list.</summary>
    public const string Custom = "custom";

    /// <summary>The known categories.</summary>
    public static IReadOnlyList<string> Known { get; } = [StolenVehicle, StolenPlate, WantedPerson, MissingPerson, AmberAlert, Warrant, Custom];

    /// <summary>Lower case, spaces and underscores as dashes (<c>Stolen Vehicle</c> becomes <c>stolen-vehicle</c>).</summary>
    public static string Normalize(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return category.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
    }

    /// <summary>True when <paramref name="normalized"/> is 1-32 characters of a-z, 0-9 and dashes.</summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is >= 1 and <= 32 && normalized.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
