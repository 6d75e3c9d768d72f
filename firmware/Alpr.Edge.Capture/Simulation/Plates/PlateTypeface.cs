using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>The bold TrueType face plate characters are drawn with, loaded from a file so rendering is the same on every machine.</summary>
public sealed class PlateTypeface : IDisposable
{
    /// <summary>The Debian package that provides the default font.</summary>
    public const string DebianPackage = "fonts-dejavu-core";

    private PlateTypeface(SKTypeface typeface) => Typeface = typeface;

    /// <summary>The loaded face.</summary>
    public SKTypeface Typeface { get; }

    /// <summary>Loads the face, or throws <see cref="FileNotFoundException"/> naming the Debian package to install.</summary>
    public static PlateTypeface Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Plate font '{path}' not found: install the Debian package {DebianPackage} (apt-get install {DebianPackage}) or point FontPath at a bold TrueType font.",
                path);
        }

        var typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidDataException($"Plate font '{path}' is not a font SkiaSharp can load; reinstall {DebianPackage}.");
        return new PlateTypeface(typeface);
    }

    /// <inheritdoc />
    public void Dispose() => Typeface.Dispose();
}
