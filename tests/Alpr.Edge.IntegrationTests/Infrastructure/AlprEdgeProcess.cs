using System.Diagnostics;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the real <c>alpr-edge</c> as a child process (for SIGKILL tests). alpr-edge.dll is copied beside the tests; it runs
/// with the tests' runtime config and dependency manifest, which hold the frameworks and packages it needs (the bridge's
/// ASP.NET Core framework provides some of them here). Standard output and error are redirected.
/// </summary>
internal static class AlprEdgeProcess
{
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        StartProgram("alpr-edge.dll", arguments, environment, workingDirectory);

    /// <summary>Starts the real <c>alpr-bridge</c> the same way.</summary>
    public static Process StartBridge(IEnumerable<string> arguments) => StartProgram("alpr-bridge.dll", arguments, null, null);

    private static Process StartProgram(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var directory = AppContext.BaseDirectory;
        var tests = typeof(AlprEdgeProcess).Assembly.GetName().Name!;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? directory,
        };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(directory, tests + ".runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, tests + ".deps.json"),
            Path.Combine(directory, program),
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("alpr-edge did not start");
    }
}
