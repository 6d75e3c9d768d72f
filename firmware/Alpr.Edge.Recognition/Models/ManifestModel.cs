namespace Alpr.Edge.Recognition.Models;

/// <summary>One model in the manifest.</summary>
public sealed record ManifestModel
{
    /// <summary>Short name used in logs.</summary>
    public required string Name { get; init; }

    /// <summary>What the model does: <see cref="ModelRoles.Detector"/> or <see cref="ModelRoles.Recognizer"/>.</summary>
    public required string Role { get; init; }

    /// <summary>ONNX file, relative to the model folder.</summary>
    public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="File"/>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Expected input shape (NCHW); -1 marks a dynamic dimension.</summary>
    public required IReadOnlyList<long> InputShape { get; init; }

    /// <summary>Name of the output to read; null reads the model's first output. A name the model lacks is refused.</summary>
    public string? OutputName { get; init; }

    /// <summary>How pixels become input values.</summary>
    public required ManifestNormalization Normalization { get; init; }

    /// <summary>How the output is decoded.</summary>
    public required ManifestDecoder Decoder { get; init; }

    /// <summary>Where the file comes from (package and version).</summary>
    public string? Source { get; init; }

    /// <summary>Licence of the weights.</summary>
    public string? Licence { get; init; }
}
