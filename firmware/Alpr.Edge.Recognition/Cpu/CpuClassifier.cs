using System.Runtime.InteropServices;

namespace Alpr.Edge.Recognition.Cpu;

/// <summary>Pure rules from an architecture and its feature flags (as <c>/proc/cpuinfo</c> names them) to a <see cref="CpuClassReading"/>.</summary>
public static class CpuClassifier
{
    /// <summary>
    /// The class of a CPU of <paramref name="architecture"/> with <paramref name="flags"/>: on x64, <c>x86-64-vnni</c> with
    /// <c>avx512_vnni</c> or <c>avx_vnni</c>, else <c>x86-64-avx2</c> with <c>avx2</c>, else <c>x86-64</c>; on arm64,
    /// <c>arm64-dotprod</c> with <c>asimddp</c>, else <c>arm64</c>; <c>other</c> on any other architecture.
    /// </summary>
    public static CpuClassReading Classify(Architecture architecture, IReadOnlySet<string> flags, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(flags);
        switch (architecture)
        {
            case Architecture.X64:
            {
                var (present, absent) = Split(CpuFlags.X64Deciding, flags);
                var cpuClass = flags.Contains(CpuFlags.Avx512Vnni) || flags.Contains(CpuFlags.AvxVnni) ? CpuClasses.X64Vnni
                    : flags.Contains(CpuFlags.Avx2) ? CpuClasses.X64Avx2
                    : CpuClasses.X64;
                return new CpuClassReading(cpuClass, present, absent, note);
            }

            case Architecture.Arm64:
            {
                var (present, absent) = Split(CpuFlags.Arm64Deciding, flags);
                var cpuClass = flags.Contains(CpuFlags.AsimdDotProduct) ? CpuClasses.Arm64DotProduct : CpuClasses.Arm64;
                return new CpuClassReading(cpuClass, present, absent, note);
            }

            default:
                var architectureNote = $"{architecture.ToString().ToLowerInvariant()}, neither x64 nor arm64";
                return new CpuClassReading(CpuClasses.Other, [], [], note is null ? architectureNote : $"{architectureNote}; {note}");
        }
    }

    /// <summary>The class <paramref name="cpuinfo"/> (the text of <c>/proc/cpuinfo</c>) describes for <paramref name="architecture"/>.</summary>
    public static CpuClassReading FromCpuInfo(string cpuinfo, Architecture architecture) =>
        Classify(architecture, CpuInfoText.ReadFlags(cpuinfo, architecture));

    private static (List<string> Present, List<string> Absent) Split(IReadOnlyList<string> deciding, IReadOnlySet<string> flags) =>
        (deciding.Where(flags.Contains).ToList(), deciding.Where(f => !flags.Contains(f)).ToList());
}
