using System.Runtime.InteropServices;

namespace Alpr.Edge.Recognition.Cpu;

/// <summary>
/// Finds this machine's <see cref="CpuClassReading"/>: the flags of <c>/proc/cpuinfo</c> cross-checked with .NET's intrinsics
/// (<see cref="DotNetCpuFeatures"/>). A flag either source reports counts (ONNX Runtime asks CPUID itself: an old kernel may not
/// name <c>avx_vnni</c>, and .NET may have been told to leave AVX2 off); where they disagree the reading's note says so.
/// </summary>
public static class CpuClassProbe
{
    /// <summary>Where Linux lists the processor's flags.</summary>
    public const string CpuInfoPath = "/proc/cpuinfo";

    /// <summary>This machine's class, or <paramref name="overrideClass"/> (a <see cref="CpuClasses"/> name) when given.</summary>
    public static CpuClassReading Detect(string? overrideClass = null)
    {
        var architecture = RuntimeInformation.ProcessArchitecture;
        string? cpuinfo = null;
        try
        {
            cpuinfo = File.Exists(CpuInfoPath) ? File.ReadAllText(CpuInfoPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: the intrinsics alone decide, and the note says so.
        }

        var detected = Combine(
            architecture,
            cpuinfo is null ? null : CpuInfoText.ReadFlags(cpuinfo, architecture),
            DotNetCpuFeatures.Supported());
        return string.IsNullOrEmpty(overrideClass) ? detected : Override(detected, overrideClass);
    }

    /// <summary>
    /// Combines the flags read from <c>/proc/cpuinfo</c> (null when there is none) with those .NET reports (a pure function):
    /// the union decides, disagreements on a flag .NET can check go into the note.
    /// </summary>
    public static CpuClassReading Combine(Architecture architecture, IReadOnlySet<string>? cpuinfoFlags, IReadOnlySet<string> dotNetFlags)
    {
        ArgumentNullException.ThrowIfNull(dotNetFlags);
        var checkable = DotNetCpuFeatures.Checkable(architecture);
        if (cpuinfoFlags is null)
        {
            var blind = architecture == Architecture.X64 ? $"no {CpuInfoPath}: from .NET intrinsics, which cannot see {CpuFlags.Avx512Vnni}" : $"no {CpuInfoPath}: from .NET intrinsics";
            return CpuClassifier.Classify(architecture, dotNetFlags.Where(checkable.Contains).ToHashSet(StringComparer.Ordinal), blind);
        }

        var notes = new List<string>();
        foreach (var flag in checkable)
        {
            var listed = cpuinfoFlags.Contains(flag);
            var reported = dotNetFlags.Contains(flag);
            if (reported && !listed)
            {
                notes.Add($"{flag} reported by .NET, not listed in {CpuInfoPath}");
            }
            else if (listed && !reported)
            {
                notes.Add($"{flag} listed in {CpuInfoPath}, not reported by .NET");
            }
        }

        var union = cpuinfoFlags.Union(dotNetFlags.Where(checkable.Contains)).ToHashSet(StringComparer.Ordinal);
        return CpuClassifier.Classify(architecture, union, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary><paramref name="detected"/> with its class replaced by <paramref name="overrideClass"/>; the note keeps what was detected.</summary>
    public static CpuClassReading Override(CpuClassReading detected, string overrideClass)
    {
        ArgumentNullException.ThrowIfNull(detected);
        if (!CpuClasses.IsKnown(overrideClass))
        {
            throw new ArgumentException($"unknown CPU class '{overrideClass}'; known: {string.Join(", ", CpuClasses.All)}", nameof(overrideClass));
        }

        var note = $"set by {RecognitionOptions.SectionName}:CpuClass, detected {detected.Class}";
        return detected with { Class = overrideClass, Note = detected.Note is null ? note : $"{note}; {detected.Note}" };
    }
}
