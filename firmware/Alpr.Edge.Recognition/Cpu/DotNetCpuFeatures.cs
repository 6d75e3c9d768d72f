using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Alpr.Edge.Recognition.Cpu;

/// <summary>
/// The deciding flags as .NET's hardware intrinsics report them (CPUID / HWCAP, less anything the runtime was told to leave off,
/// such as <c>DOTNET_EnableAVX2=0</c>). .NET 10 has no AVX512-VNNI class, so <c>avx512_vnni</c> is seen only in <c>/proc/cpuinfo</c>.
/// </summary>
public static class DotNetCpuFeatures
{
    /// <summary>The flags .NET can check on <paramref name="architecture"/>.</summary>
    public static IReadOnlyList<string> Checkable(Architecture architecture) => architecture switch
    {
        Architecture.X64 => [CpuFlags.Avx2, CpuFlags.AvxVnni],
        Architecture.Arm64 => [CpuFlags.AsimdDotProduct],
        _ => [],
    };

    /// <summary>Those of <see cref="Checkable"/> this process's runtime reports as supported.</summary>
    public static IReadOnlySet<string> Supported()
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        if (Avx2.IsSupported)
        {
            flags.Add(CpuFlags.Avx2);
        }

        if (AvxVnni.IsSupported)
        {
            flags.Add(CpuFlags.AvxVnni);
        }

        if (Dp.IsSupported)
        {
            flags.Add(CpuFlags.AsimdDotProduct);
        }

        return flags;
    }
}
