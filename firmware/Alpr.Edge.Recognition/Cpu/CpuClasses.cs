namespace Alpr.Edge.Recognition.Cpu;

/// <summary>
/// The CPU classes that decide how ONNX Runtime's int8 kernels add up products (the strings manifests use in <c>cpuClasses</c>).
/// On x86-64 without VNNI the uint8 x int8 Conv kernels sum pairs of products in 16 bits with saturation (VPMADDUBSW), so an int8
/// model that matches fp32 on a VNNI or ARM CPU can lose accuracy there.
/// </summary>
public static class CpuClasses
{
    /// <summary>x86-64 with AVX512-VNNI or AVX-VNNI: int8 products summed in 32 bits.</summary>
    public const string X64Vnni = "x86-64-vnni";

    /// <summary>x86-64 with AVX2 but no VNNI (AVX-512 CPUs without VNNI too): pairs of products saturate in 16 bits.</summary>
    public const string X64Avx2 = "x86-64-avx2";

    /// <summary>Older x86-64 without AVX2.</summary>
    public const string X64 = "x86-64";

    /// <summary>ARMv8.2 with the dot-product instructions (Pi 5 Cortex-A76, Jetson Orin).</summary>
    public const string Arm64DotProduct = "arm64-dotprod";

    /// <summary>ARMv8 without dot product (Pi 4 Cortex-A72).</summary>
    public const string Arm64 = "arm64";

    /// <summary>Any other processor.</summary>
    public const string Other = "other";

    /// <summary>Every class, in the order documents list them.</summary>
    public static IReadOnlyList<string> All { get; } = [X64Vnni, X64Avx2, X64, Arm64DotProduct, Arm64, Other];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
