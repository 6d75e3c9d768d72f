using System.Runtime.InteropServices;

namespace Alpr.Edge.Recognition.Cpu;

/// <summary>Reads the feature flags out of the text of Linux's <c>/proc/cpuinfo</c> (a pure function of the text).</summary>
public static class CpuInfoText
{
    /// <summary>The line that lists features: <c>flags</c> on x86, <c>Features</c> on ARM.</summary>
    public static string FlagsKey(Architecture architecture) => architecture is Architecture.Arm64 or Architecture.Arm ? "Features" : "flags";

    /// <summary>
    /// The flags of the first processor listed in <paramref name="cpuinfo"/> (the <see cref="FlagsKey"/> line, split on white space);
    /// empty when there is no such line.
    /// </summary>
    public static IReadOnlySet<string> ReadFlags(string cpuinfo, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(cpuinfo);
        var key = FlagsKey(architecture);
        foreach (var line in cpuinfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !string.Equals(line[..colon].Trim(), key, StringComparison.Ordinal))
            {
                continue;
            }

            return line[(colon + 1)..].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        return new HashSet<string>(StringComparer.Ordinal);
    }
}
