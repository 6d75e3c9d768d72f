using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>Colours of a plate design.</summary>
/// <param name="Name">Short name of the colour scheme.</param>
/// <param name="Background">Plate background (light).</param>
/// <param name="Characters">Main characters (dark).</param>
/// <param name="Border">Border line (dark).</param>
/// <param name="StateName">State name and slogan.</param>
public sealed record PlateStyle(string Name, SKColor Background, SKColor Characters, SKColor Border, SKColor StateName)
{
    /// <summary>White plate with dark blue characters and a red state name.</summary>
    public static PlateStyle White { get; } = new("white", new SKColor(0xF4, 0xF4, 0xEE), new SKColor(0x1A, 0x25, 0x50), new SKColor(0x22, 0x22, 0x2A), new SKColor(0xB0, 0x1C, 0x22));

    /// <summary>Pale yellow plate with black characters.</summary>
    public static PlateStyle PaleYellow { get; } = new("pale-yellow", new SKColor(0xF2, 0xE6, 0xA4), new SKColor(0x14, 0x14, 0x14), new SKColor(0x20, 0x20, 0x20), new SKColor(0x1F, 0x3A, 0x7A));

    /// <summary>Pale blue plate with dark navy characters.</summary>
    public static PlateStyle PaleBlue { get; } = new("pale-blue", new SKColor(0xD8, 0xE6, 0xF4), new SKColor(0x12, 0x1C, 0x44), new SKColor(0x12, 0x1C, 0x44), new SKColor(0x12, 0x1C, 0x44));

    /// <summary>All colour schemes.</summary>
    public static IReadOnlyList<PlateStyle> All { get; } = [White, PaleYellow, PaleBlue];
}
