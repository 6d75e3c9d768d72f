using Alpr.Edge.Bridge.Cli;

namespace Alpr.Edge.UnitTests.Bridge.Holds;

/// <summary>Runs <c>alpr-bridge</c> in-process and captures what it writes.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Asserts a refusal: exit 2 and exactly one line on standard error, no stack trace; returns the line.</summary>
    public static string AssertOneLineUsageError((int ExitCode, string Output, string Error) result)
    {
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("alpr-bridge: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
        return line;
    }
}
