using System.CommandLine;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge store stats|verify|rotate-key --data DIR [--json]</c>: the encrypted device store's tools.</summary>
internal static class StoreCommand
{
    public static Command Create() => new("store", "Inspect, verify and re-key the encrypted device store (store.db in the data folder).")
    {
        StoreStatsCommand.Create(),
        StoreVerifyCommand.Create(),
        StoreRotateKeyCommand.Create(),
        StoreCrashWriterCommand.Create(),
    };
}
