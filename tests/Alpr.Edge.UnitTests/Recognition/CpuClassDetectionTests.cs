using System.Runtime.InteropServices;
using Alpr.Edge.Recognition.Cpu;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class CpuClassDetectionTests
{
    private static readonly HashSet<string> NoDotNetFlags = [];

    [Fact]
    public void Amd_epyc_zen_5_with_avx512_vnni_and_avx_vnni_is_the_vnni_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, Architecture.X64);

        Assert.Equal(CpuClasses.X64Vnni, reading.Class);
        Assert.Equal("x86-64-vnni (avx2 avx512_vnni avx_vnni)", reading.ToString());
    }

    [Fact]
    public void Amd_epyc_zen_4_with_avx512_vnni_alone_is_the_vnni_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen4, Architecture.X64);

        Assert.Equal(CpuClasses.X64Vnni, reading.Class);
        Assert.Equal("avx2 avx512_vnni; no avx_vnni", reading.Flags);
    }

    [Fact]
    public void Intel_alder_lake_with_avx_vnni_only_is_the_vnni_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.AlderLake, Architecture.X64);

        Assert.Equal(CpuClasses.X64Vnni, reading.Class);
        Assert.Equal("avx2 avx_vnni; no avx512_vnni", reading.Flags);
    }

    [Fact]
    public void Amd_epyc_rome_with_avx2_only_is_the_avx2_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycRome, Architecture.X64);

        Assert.Equal(CpuClasses.X64Avx2, reading.Class);
        Assert.Equal("x86-64-avx2 (avx2; no avx512_vnni, avx_vnni)", reading.ToString());
    }

    [Fact]
    public void Skylake_x_with_avx512f_but_no_vnni_is_the_avx2_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.SkylakeX, Architecture.X64);

        Assert.Equal(CpuClasses.X64Avx2, reading.Class);
        Assert.Contains("avx512f", CpuInfoText.ReadFlags(CpuInfoSamples.SkylakeX, Architecture.X64));
        Assert.Equal(["avx512_vnni", "avx_vnni"], reading.Absent);
    }

    [Fact]
    public void An_x86_64_without_avx2_is_the_plain_x86_64_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.OlderX64, Architecture.X64);

        Assert.Equal(CpuClasses.X64, reading.Class);
        Assert.Equal("no avx2, avx512_vnni, avx_vnni", reading.Flags);
    }

    [Fact]
    public void Cortex_a76_with_asimddp_is_the_arm64_dot_product_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.CortexA76, Architecture.Arm64);

        Assert.Equal(CpuClasses.Arm64DotProduct, reading.Class);
        Assert.Equal("arm64-dotprod (asimddp)", reading.ToString());
    }

    [Fact]
    public void Cortex_a72_without_asimddp_is_the_plain_arm64_class()
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.CortexA72, Architecture.Arm64);

        Assert.Equal(CpuClasses.Arm64, reading.Class);
        Assert.Equal("arm64 (no asimddp)", reading.ToString());
    }

    [Fact]
    public void Arm_features_are_not_read_as_x86_flags_nor_the_other_way_round()
    {
        Assert.Equal(CpuClasses.X64, CpuClassifier.FromCpuInfo(CpuInfoSamples.CortexA76, Architecture.X64).Class);
        Assert.Equal(CpuClasses.Arm64, CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, Architecture.Arm64).Class);
    }

    [Theory]
    [InlineData(Architecture.Arm)]
    [InlineData(Architecture.X86)]
    [InlineData(Architecture.RiscV64)]
    public void Another_architecture_is_the_other_class_whatever_its_flags(Architecture architecture)
    {
        var reading = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, architecture);

        Assert.Equal(CpuClasses.Other, reading.Class);
        Assert.Contains("neither x64 nor arm64", reading.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_first_processors_flags_are_read_and_a_text_without_them_has_none()
    {
        var flags = CpuInfoText.ReadFlags(CpuInfoSamples.EpycRome + "\nprocessor\t: 1\nflags\t\t: avx2 avx512_vnni\n", Architecture.X64);

        Assert.DoesNotContain("avx512_vnni", flags);
        Assert.Empty(CpuInfoText.ReadFlags("processor\t: 0\nvendor_id\t: GenuineIntel\n", Architecture.X64));
    }

    [Fact]
    public void Avx_vnni_that_only_dot_net_reports_still_makes_the_vnni_class_and_the_note_says_so()
    {
        // An older kernel that does not name avx_vnni on an Alder Lake: ONNX Runtime asks CPUID and finds it.
        var cpuinfo = CpuInfoText.ReadFlags(CpuInfoSamples.AlderLake.Replace(" avx_vnni", string.Empty, StringComparison.Ordinal), Architecture.X64);

        var reading = CpuClassProbe.Combine(Architecture.X64, cpuinfo, new HashSet<string> { "avx2", "avx_vnni" });

        Assert.Equal(CpuClasses.X64Vnni, reading.Class);
        Assert.Contains("avx_vnni reported by .NET, not listed in /proc/cpuinfo", reading.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Avx2_listed_by_the_kernel_but_switched_off_in_dot_net_keeps_the_avx2_class_with_a_note()
    {
        var cpuinfo = CpuInfoText.ReadFlags(CpuInfoSamples.EpycRome, Architecture.X64);

        var reading = CpuClassProbe.Combine(Architecture.X64, cpuinfo, NoDotNetFlags);

        Assert.Equal(CpuClasses.X64Avx2, reading.Class);
        Assert.Contains("avx2 listed in /proc/cpuinfo, not reported by .NET", reading.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_that_agree_leave_no_note()
    {
        var cpuinfo = CpuInfoText.ReadFlags(CpuInfoSamples.CortexA76, Architecture.Arm64);

        var reading = CpuClassProbe.Combine(Architecture.Arm64, cpuinfo, new HashSet<string> { "asimddp" });

        Assert.Equal(CpuClasses.Arm64DotProduct, reading.Class);
        Assert.Null(reading.Note);
    }

    [Fact]
    public void Without_proc_cpuinfo_the_intrinsics_decide_and_the_note_says_what_they_cannot_see()
    {
        var reading = CpuClassProbe.Combine(Architecture.X64, cpuinfoFlags: null, new HashSet<string> { "avx2" });

        Assert.Equal(CpuClasses.X64Avx2, reading.Class);
        Assert.Contains("cannot see avx512_vnni", reading.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_replaces_the_class_and_keeps_what_was_detected()
    {
        var detected = CpuClassifier.FromCpuInfo(CpuInfoSamples.EpycZen5, Architecture.X64);

        var reading = CpuClassProbe.Override(detected, CpuClasses.X64Avx2);

        Assert.Equal(CpuClasses.X64Avx2, reading.Class);
        Assert.Equal("x86-64-avx2 (avx2 avx512_vnni avx_vnni; set by Recognition:CpuClass, detected x86-64-vnni)", reading.ToString());
        Assert.Throws<ArgumentException>(() => CpuClassProbe.Override(detected, "x86-avx2"));
    }

    [Fact]
    public void This_machine_gets_a_known_class_whose_flags_split_the_deciding_ones()
    {
        var reading = CpuClassProbe.Detect();

        Assert.True(CpuClasses.IsKnown(reading.Class), reading.ToString());
        var deciding = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => CpuFlags.X64Deciding,
            Architecture.Arm64 => CpuFlags.Arm64Deciding,
            _ => [],
        };
        Assert.Equal(deciding.Order(StringComparer.Ordinal), reading.Present.Concat(reading.Absent).Order(StringComparer.Ordinal));
        if (File.Exists(CpuClassProbe.CpuInfoPath) && reading.Note is null)
        {
            Assert.Equal(CpuClassifier.FromCpuInfo(File.ReadAllText(CpuClassProbe.CpuInfoPath), RuntimeInformation.ProcessArchitecture).Class, reading.Class);
        }
    }
}
