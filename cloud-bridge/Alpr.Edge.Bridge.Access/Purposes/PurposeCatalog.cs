using System.Text.RegularExpressions;

namespace Alpr.Edge.Bridge.Access.Purposes;

/// <summary>
/// The configured purposes, and the check every data access passes: a purpose from the list, and a case or incident
/// number where that purpose calls for one.
/// </summary>
public sealed partial class PurposeCatalog
{
    /// <summary>Longest case number accepted.</summary>
    public const int MaxCaseLength = 64;

    private readonly Dictionary<string, PurposeOption> _purposes;

    /// <summary>A catalog of <paramref name="purposes"/> (names already validated, see <see cref="Validate"/>).</summary>
    public PurposeCatalog(IEnumerable<PurposeOption> purposes)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        _purposes = purposes.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The purposes, by name.</summary>
    public IReadOnlyList<PurposeOption> Options => [.. _purposes.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>The purposes' names, in a stable order.</summary>
    public IReadOnlyList<string> Names => [.. _purposes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="name"/> is a configured purpose that needs a case number.</summary>
    public bool RequiresCase(string name) => _purposes.TryGetValue(name, out var purpose) && purpose.RequiresCase;

    /// <summary>
    /// Checks a request's purpose and case; false with a one-line reason (naming the allowed purposes) when the purpose
    /// is missing or unknown, or the case is missing where required or malformed.
    /// </summary>
    public bool TryResolve(string? purpose, string? caseNumber, out StatedPurpose? stated, out string? error)
    {
        stated = null;
        purpose = purpose?.Trim();
        caseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            error = $"a purpose is required (X-Purpose header or purpose parameter): one of {string.Join(", ", Names)}";
            return false;
        }

        if (!_purposes.TryGetValue(purpose, out var option))
        {
            error = $"purpose '{Shorten(purpose)}' is not one of {string.Join(", ", Names)}";
            return false;
        }

        if (caseNumber is not null && (caseNumber.Length > MaxCaseLength || !CaseNumberPattern().IsMatch(caseNumber)))
        {
            error = $"case number: letters, digits and - _ / . : # only, at most {MaxCaseLength} characters";
            return false;
        }

        if (option.RequiresCase && caseNumber is null)
        {
            error = $"purpose '{purpose}' requires a case or incident number (X-Case header or case parameter)";
            return false;
        }

        stated = new StatedPurpose(purpose, caseNumber);
        error = null;
        return true;
    }

    /// <summary>Checks configured purposes: at least one, names well formed and unique. Returns the problems, one line each.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<PurposeOption>? purposes)
    {
        if (purposes is null || purposes.Count == 0)
        {
            yield return "purposes: at least one purpose is required";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var purpose in purposes)
        {
            if (purpose is null || !PurposeNamePattern().IsMatch(purpose.Name ?? string.Empty))
            {
                yield return $"purposes: '{purpose?.Name}' must be 1-40 lower-case letters, digits or hyphens";
            }
            else if (!seen.Add(purpose.Name!))
            {
                yield return $"purposes: '{purpose.Name}' is listed twice";
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_/.:#-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposeNamePattern();
}
