using System.CommandLine;
using System.CommandLine.Invocation;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>Prints the firmware's informational version (from git history, via Nerdbank.GitVersioning).</summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(ThisAssembly.AssemblyInformationalVersion);
        return ExitCodes.Success;
    }
}
