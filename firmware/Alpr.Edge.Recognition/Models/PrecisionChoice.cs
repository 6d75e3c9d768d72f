namespace Alpr.Edge.Recognition.Models;

/// <summary>
/// The runtime guard for int8 models (a pure function): from a manifest entry, this CPU's class and <c>Recognition:Precision</c>,
/// which file to load and why. An fp32 entry always loads its own file. For an int8 entry: <c>Auto</c> loads the int8 file where
/// its <c>cpuClasses</c> list the class and its <c>fallback</c> elsewhere (the int8 file, with a warning, when there is none);
/// <c>Int8</c> loads the int8 file everywhere (warning where the class is not listed); <c>Fp32</c> loads the fallback wherever one
/// is declared (the int8 file, with a warning, where none is).
/// </summary>
public static class PrecisionChoice
{
    /// <summary>Chooses the file of <paramref name="entry"/> to load on a CPU of class <paramref name="cpuClass"/> under <paramref name="policy"/>.</summary>
    public static ModelChoice Choose(ManifestModel entry, string cpuClass, RecognitionPrecision policy)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(cpuClass);
        if (ModelPrecisions.Of(entry) != ModelPrecisions.Int8)
        {
            return new ModelChoice(entry, entry, IsFallback: false, Unverified: false, "an fp32 model, nothing to choose");
        }

        var classes = entry.CpuClasses ?? [];
        var listed = classes.Contains(cpuClass, StringComparer.Ordinal);
        var verified = classes.Count == 0 ? "the manifest lists no CPU classes it was verified on" : $"verified classes: {string.Join(", ", classes)}";
        var notListed = classes.Count == 0
            ? $"the manifest lists no CPU classes the int8 file was verified on, so not this CPU class {cpuClass}"
            : $"this CPU class {cpuClass} is not among the int8 file's verified classes ({string.Join(", ", classes)})";

        switch (policy)
        {
            case RecognitionPrecision.Fp32 when entry.Fallback is { } fallback:
                return Fallback(entry, fallback, $"{RecognitionOptions.SectionName}:Precision=Fp32");
            case RecognitionPrecision.Fp32:
                return Int8(entry, unverified: true, $"{RecognitionOptions.SectionName}:Precision=Fp32, but the manifest declares no fp32 fallback for this int8 model ({verified})");
            case RecognitionPrecision.Int8 when listed:
            case RecognitionPrecision.Auto when listed:
                return Int8(entry, unverified: false, "verified there");
            case RecognitionPrecision.Int8:
                return Int8(entry, unverified: true, $"{RecognitionOptions.SectionName}:Precision=Int8, although {notListed}");
            case RecognitionPrecision.Auto when entry.Fallback is { } fallback:
                return Fallback(entry, fallback, notListed);
            case RecognitionPrecision.Auto:
                return Int8(entry, unverified: true, $"{notListed} and the manifest declares no fp32 fallback; its reads may differ from fp32 here");
            default:
                throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown Recognition:Precision");
        }
    }

    private static ModelChoice Int8(ManifestModel entry, bool unverified, string reason) => new(entry, entry, IsFallback: false, unverified, reason);

    private static ModelChoice Fallback(ManifestModel entry, ManifestFileReference fallback, string reason)
    {
        var loaded = entry with { File = fallback.File, Sha256 = fallback.Sha256, Precision = ModelPrecisions.Fp32, CpuClasses = null, Fallback = null };
        return new ModelChoice(entry, loaded, IsFallback: true, Unverified: false, reason);
    }
}
