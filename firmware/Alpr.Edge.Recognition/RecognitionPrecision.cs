namespace Alpr.Edge.Recognition;

/// <summary>Which file of an int8 model the recogniser loads (<c>Recognition:Precision</c>).</summary>
public enum RecognitionPrecision
{
    /// <summary>The int8 file where the manifest says it was verified on this CPU class, its fp32 fallback elsewhere (the default).</summary>
    Auto,

    /// <summary>The int8 file on any CPU (a warning is logged where its class is not among the verified ones).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "int8 is the name of the precision, as written in configs and manifests.")]
    Int8,

    /// <summary>The fp32 fallback wherever the manifest declares one.</summary>
    Fp32,
}
