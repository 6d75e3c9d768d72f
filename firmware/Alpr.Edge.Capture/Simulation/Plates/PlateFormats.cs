namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>The plate formats the simulator issues, as data.</summary>
public static class PlateFormats
{
    /// <summary>California: <c>7ABC123</c>.</summary>
    public static PlateFormat California { get; } = new("CA", "California", "#AAA###", "DMV.CA.GOV", []);

    /// <summary>New York: <c>ABC1234</c>.</summary>
    public static PlateFormat NewYork { get; } = new("NY", "NEW YORK", "AAA####", "EMPIRE STATE", []);

    /// <summary>Texas: <c>ABC1234</c>.</summary>
    public static PlateFormat Texas { get; } = new("TX", "TEXAS", "AAA####", "THE LONE STAR STATE", []);

    /// <summary>Florida: <c>ABCD12</c>.</summary>
    public static PlateFormat Florida { get; } = new("FL", "FLORIDA", "AAAA##", "SUNSHINE STATE", []);

    /// <summary>A generic older design: <c>123ABC</c>.</summary>
    public static PlateFormat Generic { get; } = new("US", "AMERICA", "###AAA", null, []);

    /// <summary>Vanity plates (personalised words), printed under the Oregon name.</summary>
    public static PlateFormat Vanity { get; } = new(
        "OR",
        "OREGON",
        null,
        "PACIFIC WONDERLAND",
        ["GOBEAVS", "RAINMAN", "SURFNUT", "4EVER", "BIGTREE", "ROADIE", "XPLORE", "MYTRUK", "H2OBABY", "PDX2SEA"]);

    /// <summary>All formats; the simulator picks among them, vanity least often.</summary>
    public static IReadOnlyList<PlateFormat> All { get; } = [California, NewYork, Texas, Florida, Generic, Vanity];

    /// <summary>The format a given text belongs to, or null when none matches.</summary>
    public static PlateFormat? FindFor(string text) => All.FirstOrDefault(format => format.Matches(text));
}
