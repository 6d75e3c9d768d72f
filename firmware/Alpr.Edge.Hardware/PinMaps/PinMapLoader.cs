using System.Text.Json;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>Reads pin-map files; unknown keys and malformed values are refused with the line and the fix.</summary>
public static class PinMapLoader
{
    /// <summary>The folder name of the pin maps next to the executable and in the repository (<c>hardware/pinouts</c>).</summary>
    public const string FolderName = "pinouts";

    /// <summary>Loads <paramref name="path"/>; throws <see cref="PinMapException"/> when it is missing or malformed.</summary>
    public static PinMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PinMapException($"Pin map {path} cannot be read ({ex.Message}); set Hardware:PinMapPath to one of the files in hardware/pinouts.", ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses pin-map JSON; <paramref name="source"/> names it in messages.</summary>
    public static PinMap Parse(string json, string source)
    {
        try
        {
            var map = JsonSerializer.Deserialize(json, PinMapJsonContext.Default.PinMap)
                ?? throw new PinMapException($"Pin map {source} is empty; copy one of the files in hardware/pinouts.");
            return map with { Source = source };
        }
        catch (JsonException ex)
        {
            throw new PinMapException(
                $"Pin map {source} is malformed at line {(ex.LineNumber ?? 0) + 1} ({ex.Path}): {ex.Message.Split(" Path:")[0]} Fix it against hardware/pinouts/pinout.schema.json.",
                ex);
        }
    }

    /// <summary>The default map of <paramref name="board"/>: <c>pinouts/&lt;board&gt;.json</c> next to the executable.</summary>
    public static string DefaultPath(string board) => Path.Combine(AppContext.BaseDirectory, FolderName, $"{board}.json");
}
