namespace Alpr.Edge.Recognition.Models;

/// <summary>Values of <see cref="ManifestModel.Precision"/>.</summary>
public static class ModelPrecisions
{
    /// <summary>Static int8 (QDQ) weights and activations.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "int8 is the name of the precision, as written in configs and manifests.")]
    public const string Int8 = "int8";

    /// <summary>32-bit floats (the default when a manifest says nothing).</summary>
    public const string Fp32 = "fp32";

    /// <summary>The precision <paramref name="model"/> declares, fp32 when it declares none.</summary>
    public static string Of(ManifestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Precision ?? Fp32;
    }
}
