using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>
/// The camera's view of the street: a straight two-lane road running away from a pole-mounted camera,
/// converging on a vanishing point above the picture. Sizes shrink with distance; at the bottom edge a
/// scene unit is a pixel of a 1280x720 frame times <see cref="NearScale"/>.
/// </summary>
public sealed class StreetGeometry
{
    /// <summary>Scale of scene units at the bottom edge of a 1280x720 frame.</summary>
    public const float NearScale = 1.12f;

    /// <summary>Creates the geometry of a frame of the given size.</summary>
    public StreetGeometry(int width, int height)
    {
        Width = width;
        Height = height;
        Unit = Math.Min(width / 1280f, height / 720f);
        VanishingPoint = new SKPoint(width * 0.52f, -2.4f * height);
    }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels per scene unit of a 1280x720 frame, for other frame sizes.</summary>
    public float Unit { get; }

    /// <summary>Where the road's edges and lane lines meet, above the picture.</summary>
    public SKPoint VanishingPoint { get; }

    /// <summary>Nearness of image row <paramref name="y"/>: 1 at the bottom edge, smaller further away.</summary>
    public float Nearness(float y) => (y - VanishingPoint.Y) / (Height - VanishingPoint.Y);

    /// <summary>Pixels per scene unit at image row <paramref name="y"/>.</summary>
    public float ScaleAt(float y) => NearScale * Unit * Nearness(y);

    /// <summary>
    /// Horizontal position at row <paramref name="y"/> of the line on the road that crosses the bottom edge at
    /// <paramref name="bottomFraction"/> of the width.
    /// </summary>
    public float RoadLineX(float bottomFraction, float y) =>
        VanishingPoint.X + (bottomFraction * Width - VanishingPoint.X) * Nearness(y);

    /// <summary>Fraction of the bottom edge where the centre of <paramref name="lane"/> (0 left, 1 right) crosses it.</summary>
    public static float LaneCentre(int lane) => lane == 0 ? 0.27f : 0.75f;

    /// <summary>Image row of a point on the road at relative distance <paramref name="depth"/> (1 at the bottom edge).</summary>
    public float RowAtDepth(float depth) => VanishingPoint.Y + (Height - VanishingPoint.Y) / depth;
}
