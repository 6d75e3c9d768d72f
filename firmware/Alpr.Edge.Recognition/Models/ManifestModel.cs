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

    /// <summary>What <see cref="File"/> holds: <see cref="ModelPrecisions.Int8"/> or <see cref="ModelPrecisions.Fp32"/>; absent means fp32.</summary>
    public string? Precision { get; init; }

    /// <summary>
    /// int8 only: the CPU classes (<see cref="Cpu.CpuClasses"/>) on which <see cref="File"/> was measured to agree with its fp32
    /// source. Under <c>Recognition:Precision=Auto</c> another class loads <see cref="Fallback"/> instead.
    /// </summary>
    public IReadOnlyList<string>? CpuClasses { get; init; }

    /// <summary>
    /// int8 only: the fp32 model loaded in its place (same input shape, normalisation and decoder). Its file and checksum are
    /// checked only when it is chosen, so it may be absent on a device that never needs it.
    /// </summary>
    public ManifestFileReference? Fallback { get; init; }

    /// <summary>Where the file comes from (package and version).</summary>
    public string? Source { get; init; }

    /// <summary>Licence of the weights.</summary>
    public string? Licence { get; init; }
}
