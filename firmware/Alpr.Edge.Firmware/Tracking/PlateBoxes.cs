using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>Distances between plate boxes, in plate widths (so that they mean the same near and far from the camera).</summary>
internal static class PlateBoxes
{
    /// <summary>Distance between the centres of <paramref name="a"/> and <paramref name="b"/>, in widths of the wider one.</summary>
    public static double DistanceInWidths(PlateRegion a, PlateRegion b)
    {
        var dx = (a.X + (a.Width / 2.0)) - (b.X + (b.Width / 2.0));
        var dy = (a.Y + (a.Height / 2.0)) - (b.Y + (b.Height / 2.0));
        var width = Math.Max(1, Math.Max(a.Width, b.Width));
        return Math.Sqrt((dx * dx) + (dy * dy)) / width;
    }
}
