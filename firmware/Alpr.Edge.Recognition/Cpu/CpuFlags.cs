namespace Alpr.Edge.Recognition.Cpu;

/// <summary>The <c>/proc/cpuinfo</c> flag names that decide the int8 class.</summary>
public static class CpuFlags
{
    /// <summary>x86 AVX2 (<c>flags</c> line).</summary>
    public const string Avx2 = "avx2";

    /// <summary>x86 AVX512 VNNI (<c>flags</c> line).</summary>
    public const string Avx512Vnni = "avx512_vnni";

    /// <summary>x86 AVX-VNNI, the VEX-encoded VNNI of Alder Lake and later (<c>flags</c> line).</summary>
    public const string AvxVnni = "avx_vnni";

    /// <summary>ARMv8.2 dot product (<c>Features</c> line).</summary>
    public const string AsimdDotProduct = "asimddp";

    /// <summary>The flags that decide an x86-64 class, in the order they are shown.</summary>
    public static IReadOnlyList<string> X64Deciding { get; } = [Avx2, Avx512Vnni, AvxVnni];

    /// <summary>The flags that decide an arm64 class.</summary>
    public static IReadOnlyList<string> Arm64Deciding { get; } = [AsimdDotProduct];
}
