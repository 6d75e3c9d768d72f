namespace Alpr.Edge.Recognition.Models;

/// <summary>Which file of a manifest model is loaded, and why (see <see cref="PrecisionChoice"/>).</summary>
/// <param name="Declared">The manifest entry as written.</param>
/// <param name="Loaded">
/// The entry the sessions open: <paramref name="Declared"/> itself, or, for the fp32 fallback, the same entry with the
/// fallback's file and checksum and precision fp32.
/// </param>
/// <param name="IsFallback">The fp32 fallback was chosen in place of the int8 file.</param>
/// <param name="Unverified">An int8 file is loaded on a CPU class it was not verified on (logged as a warning).</param>
/// <param name="Reason">Why, in words, for the log line: <c>verified there</c>, <c>this CPU class … is not among …</c>.</param>
public sealed record ModelChoice(ManifestModel Declared, ManifestModel Loaded, bool IsFallback, bool Unverified, string Reason)
{
    /// <summary>The role of the model (<see cref="ModelRoles"/>).</summary>
    public string Role => Declared.Role;

    /// <summary>The precision of the loaded file: <see cref="ModelPrecisions.Int8"/> or <see cref="ModelPrecisions.Fp32"/>.</summary>
    public string Precision => ModelPrecisions.Of(Loaded);

    /// <summary>The manifest declares an int8 file with an fp32 fallback, so the two can be compared.</summary>
    public bool HasInt8AndFallback => ModelPrecisions.Of(Declared) == ModelPrecisions.Int8 && Declared.Fallback is not null;

    /// <summary><c>int8</c>, <c>fp32</c> or <c>fp32 fallback</c>.</summary>
    public string Summary => IsFallback ? "fp32 fallback" : Precision;
}
