using System.CommandLine;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge recognize [--json] PATH...</c> (being written).</summary>
internal static class RecognizeCommand
{
    public static Command Create() => new("recognize", "Find and read plates in image files or folders.");
}
