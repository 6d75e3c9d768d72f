using System.CommandLine;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge simulate</c>: writes simulated camera frames and their ground truth (being written).</summary>
internal static class SimulateCommand
{
    public static Command Create() => new("simulate", "Render simulated camera frames (with ground truth) to a folder.");
}
