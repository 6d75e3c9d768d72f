namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>One issued plate: its characters, format and colours.</summary>
/// <param name="Text">Characters, upper case, no spaces.</param>
/// <param name="Format">Issuing format (state name, slogan).</param>
/// <param name="Style">Colours.</param>
public sealed record PlateDesign(string Text, PlateFormat Format, PlateStyle Style);
