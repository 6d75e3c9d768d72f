using System.CommandLine;
using System.CommandLine.Invocation;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>Prints the Nerdbank.GitVersioning informational version (e.g. <c>0.1.5+da4bfa037c</c>).</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ThisAssembly.AssemblyInformationalVersion);
        return ExitCodes.Success;
    }
}
