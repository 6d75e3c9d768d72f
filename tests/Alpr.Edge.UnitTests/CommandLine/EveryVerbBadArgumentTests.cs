using System.CommandLine;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Firmware.Cli;

namespace Alpr.Edge.UnitTests.CommandLine;

/// <summary>
/// Every verb of both tools, found by walking their command trees (a new verb is covered without editing this test),
/// given an unknown option and, for each option that takes a number, a time, an address or a choice, a value that is
/// none of these: each answers one line on standard error, exit 2, no stack trace and no .NET type name.
/// </summary>
public sealed class EveryVerbBadArgumentTests
{
    public static TheoryData<string, string[]> FirmwareCases() => Cases("alpr-edge", FirmwareCli.CreateRoot(TextWriter.Null, TextWriter.Null));

    public static TheoryData<string, string[]> BridgeCases() => Cases("alpr-bridge", BridgeCli.CreateRoot(TextWriter.Null, TextWriter.Null));

    [Theory]
    [MemberData(nameof(FirmwareCases))]
    public async Task Each_alpr_edge_verb_says_one_line_and_exits_2(string tool, string[] args)
    {
        var (exitCode, output, error) = await Run((a, o, e) => FirmwareCli.InvokeAsync(a, o, e, CancellationToken.None), args);

        AssertOneLine(tool, args, exitCode, output, error);
    }

    [Theory]
    [MemberData(nameof(BridgeCases))]
    public async Task Each_alpr_bridge_verb_says_one_line_and_exits_2(string tool, string[] args)
    {
        var (exitCode, output, error) = await Run((a, o, e) => BridgeCli.InvokeAsync(a, o, e, CancellationToken.None), args);

        AssertOneLine(tool, args, exitCode, output, error);
    }

    [Fact]
    public void Both_tools_have_verbs_with_typed_options_to_try()
    {
        Assert.True(FirmwareCases().Count > 20, $"alpr-edge cases: {FirmwareCases().Count}");
        Assert.True(BridgeCases().Count > 30, $"alpr-bridge cases: {BridgeCases().Count}");
    }

    private static void AssertOneLine(string tool, string[] args, int exitCode, string output, string error)
    {
        var call = $"{tool} {string.Join(' ', args)}";
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 2, $"{call}: exit {exitCode}, error: {error}");
        Assert.True(lines.Length == 1, $"{call}: {lines.Length} lines: {error}");
        Assert.StartsWith(tool, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    private static TheoryData<string, string[]> Cases(string tool, RootCommand root)
    {
        var cases = new TheoryData<string, string[]>();
        foreach (var (path, command) in Leaves(root, []))
        {
            cases.Add(tool, [.. path, "--no-such-option"]);
            foreach (var option in command.Options.Where(o => !o.Hidden && NotText(o.ValueType)))
            {
                cases.Add(tool, [.. path, option.Name, "not-a-value"]);
            }
        }

        return cases;
    }

    private static IEnumerable<(string[] Path, Command Command)> Leaves(Command command, string[] path)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return (path, command);
            yield break;
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
            {
                yield return leaf;
            }
        }
    }

    // Text options take any value; flags take none. Everything else has a value that is not one of its kind.
    private static bool NotText(Type type) =>
        type != typeof(string) && type != typeof(string[]) && type != typeof(bool) && type != typeof(bool?);

    private static async Task<(int ExitCode, string Output, string Error)> Run(Func<string[], TextWriter, TextWriter, Task<int>> invoke, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await invoke(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
