namespace Alpr.Edge.Bridge.Access.Purposes;

/// <summary>One purpose a user may state for a data access (<c>purposes</c> in the bridge's config file).</summary>
public sealed class PurposeOption
{
    /// <summary>The purpose's name, as sent in <c>X-Purpose</c> or <c>purpose</c>: lower case letters, digits and hyphens.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Whether an access for this purpose must name a case or incident number.</summary>
    public bool RequiresCase { get; set; }

    /// <summary>The defaults: the law-enforcement purposes the department's ALPR policy allows.</summary>
    public static PurposeOption[] Defaults() =>
    [
        new() { Name = "investigation", RequiresCase = true },
        new() { Name = "patrol" },
        new() { Name = "missing-person", RequiresCase = true },
        new() { Name = "stolen-vehicle", RequiresCase = true },
        new() { Name = "hit-verification" },
        new() { Name = "administrative" },
    ];
}
