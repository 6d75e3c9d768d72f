using Alpr.Edge.Hotlists.Loading;
using Alpr.Edge.Hotlists.Matching;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// What the device runs when it starts: the local CSV file, if configured (a broken one stops the start, naming the
/// line), and the last good bundle from the bridge, if one was saved (verified again; a bad one is refused with an
/// event and the device runs without it).
/// </summary>
internal static class HotlistStartup
{
    /// <summary>Compiles the local file into a fresh <see cref="InstalledHotlists"/>.</summary>
    public static InstalledHotlists LoadLocal(string? file, TimeProvider time, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return new InstalledHotlists(HotlistSnapshot.Empty);
        }

        var entries = HotlistCsv.Load(file);
        var local = CompiledHotlist.Build(entries, new HotlistInfo(0, null, file, "csv"), time.GetUtcNow());
        HotlistLog.LocalLoaded(logger, file, local.Count, local.PatternCount);
        return new InstalledHotlists(HotlistSnapshot.Empty with { Local = local });
    }

    /// <summary>Installs the saved bundle, if any, and warns when the device will alert on nothing.</summary>
    public static void RestoreLastGood(HotlistInstaller installer, InstalledHotlists installed, bool anyTrustedKey, ILogger logger)
    {
        if (!anyTrustedKey)
        {
            HotlistLog.NoTrustedKeys(logger);
        }

        installer.RestoreLastGood();
        if (installed.Count == 0)
        {
            HotlistLog.NoHotlist(logger);
        }
    }
}
