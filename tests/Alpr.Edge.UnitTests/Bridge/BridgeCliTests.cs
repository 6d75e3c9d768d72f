using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Alpr.Edge.Bridge.Cli;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class BridgeCliTests
{
    [Theory]
    [InlineData("")]
    [InlineData("serve")]
    [InlineData("run --bogus")]
    [InlineData("run --embedded-broker not-a-port")]
    [InlineData("run --embedded-broker 70000")]
    [InlineData("run --urls http://0.0.0.0:5080")]
    [InlineData("run --broker tcp://example:1883")]
    [InlineData("run --broker mqtt://127.0.0.1:1883 --embedded-broker 1884")]
    [InlineData("run --config /nonexistent/bridge.json")]
    public async Task Bad_arguments_exit_2_with_one_line_on_standard_error(string commandLine)
    {
        var (exitCode, output, error) = await InvokeAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("alpr-bridge: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_key_in_the_config_file_is_refused_by_name()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, """{ "dataDirectory": "data", "brokr": "mqtt://127.0.0.1:1883" }""");

            var (exitCode, _, error) = await InvokeAsync(["run", "--config", config]);

            Assert.Equal(ExitCodes.Usage, exitCode);
            Assert.Contains("unknown key 'brokr'", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Invalid_value_in_the_config_file_is_refused_with_the_key()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, """{ "connectTimeout": "soon" }""");

            var (exitCode, _, error) = await InvokeAsync(["run", "--config", config]);

            Assert.Equal(ExitCodes.Usage, exitCode);
            Assert.Contains("'connectTimeout'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var expected = typeof(BridgeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exitCode, output, _) = await InvokeAsync(["--version"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run --help")]
    public async Task Help_is_printed_and_exits_0(string commandLine)
    {
        var (exitCode, output, _) = await InvokeAsync(commandLine.Split(' '));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_exits_1_with_one_line_when_the_web_port_is_taken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("alpr-bridge-cli-").FullName;
        try
        {
            var (exitCode, _, error) = await InvokeAsync(["run", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--broker", "mqtt://127.0.0.1:1"]);

            Assert.Equal(ExitCodes.Failure, exitCode);
            var last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.StartsWith("alpr-bridge: ", last, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
