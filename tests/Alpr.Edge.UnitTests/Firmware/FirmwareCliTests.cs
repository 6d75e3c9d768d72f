using Alpr.Edge.Firmware.Cli;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class FirmwareCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var (exitCode, output, error) = await Run("--version");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Help_for_run_lists_every_option()
    {
        var (exitCode, output, _) = await Run("run", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var option in new[] { "--config", "--source", "--data", "--broker", "--for", "--json", "--hotlist", "--device-id", "v4l2://", "rtsp://", "video file" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--for '3x'", "run", "--for", "3x")]
    [InlineData("--for: '1.5s'", "run", "--for", "1.5s")]
    [InlineData("--broker: 'http://broker'", "run", "--broker", "http://broker")]
    [InlineData("--broker: 'mqtt://user:secret@broker'", "run", "--broker", "mqtt://user:secret@broker")]
    [InlineData("--bogus", "run", "--bogus")]
    [InlineData("fly", "fly")]
    public async Task Bad_arguments_exit_with_2_and_one_line(string expected, params string[] args)
    {
        var (exitCode, output, error) = await Run(args);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("alpr-edge: ", line, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("'", string.Empty, StringComparison.Ordinal).Split(' ')[0], line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_with_an_unknown_key_is_refused_naming_the_key()
    {
        var config = _temp.File("edge.json", """{ "Uplink": { "BrokerUrl": "mqtt://127.0.0.1:1", "Brokr": "x" } }""");

        var (exitCode, _, error) = await Run("run", "--config", config, "--data", _temp.Path);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains("unknown key 'Uplink:Brokr'", line, StringComparison.Ordinal);
        Assert.Contains("BrokerUrl", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_with_an_unknown_section_is_refused()
    {
        var config = _temp.File("edge.json", """{ "Uplinks": { } }""");

        var (exitCode, _, error) = await Run("run", "--config", config);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("unknown key 'Uplinks'", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_that_is_not_json_is_refused()
    {
        var config = _temp.File("edge.json", """{ "Uplink": { "BrokerUrl": """);

        var (exitCode, _, error) = await Run("run", "--config", config);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("is not valid JSON", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_is_refused()
    {
        var (exitCode, _, error) = await Run("run", "--config", Path.Combine(_temp.Path, "absent.json"));

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("does not exist", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "Device": { "DeviceId": "pole/7" } }""", "Device:DeviceId 'pole/7'")]
    [InlineData("""{ "Pipeline": { "ChannelCapacity": 0 } }""", "Pipeline:ChannelCapacity is 0")]
    [InlineData("""{ "Uplink": { "BrokerUrl": "tcp://broker" } }""", "Uplink:BrokerUrl")]
    [InlineData("""{ "Tracking": { "Gap": "00:00:00" } }""", "Tracking:Gap")]
    [InlineData("""{ "Tracking": { "Fusion": "Average" } }""", "Tracking:Fusion")]
    public async Task An_invalid_setting_in_the_config_is_refused_at_start_naming_the_key(string json, string expected)
    {
        var config = _temp.File("edge.json", json);

        var (exitCode, _, error) = await Run("run", "--config", config, "--data", _temp.Path);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains(expected, Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_refused_at_start()
    {
        var config = _temp.File("edge.json", """{ "Pipeline": { "ChannelCapacity": "many" } }""");

        var (exitCode, _, error) = await Run("run", "--config", config, "--data", _temp.Path);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("Pipeline:ChannelCapacity", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_hot_list_is_refused_at_start_naming_the_line()
    {
        var hotlist = _temp.File("hot.csv", "plate,list,category,case\n7ABC123,stolen\n");

        var (exitCode, _, error) = await Run("run", "--hotlist", hotlist, "--data", _temp.Path, "--broker", "mqtt://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("line 2", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_the_firmware_cannot_use_is_refused_at_start()
    {
        var (exitCode, _, error) = await Run("run", "--source", "ftp://camera", "--data", _temp.Path, "--broker", "mqtt://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("Capture:Source", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_refused_for_a_setting_leaves_no_new_data_folder_behind_and_keeps_an_old_one()
    {
        var fresh = Path.Combine(_temp.Path, "fresh-edge-data");

        var (exitCode, _, error) = await Run("run", "--hotlist", Path.Combine(_temp.Path, "nope.csv"), "--data", fresh, "--broker", "mqtt://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("does not exist", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(fresh), "the refused run left its new data folder behind");

        var old = Path.Combine(_temp.Path, "old-edge-data");
        Directory.CreateDirectory(old);
        var kept = Path.Combine(old, "note.txt");
        await File.WriteAllTextAsync(kept, "keep me");
        var (again, _, _) = await Run("run", "--hotlist", Path.Combine(_temp.Path, "nope.csv"), "--data", old, "--broker", "mqtt://127.0.0.1:1");
        Assert.Equal(ExitCodes.BadUsage, again);
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task A_time_span_in_the_wrong_format_is_refused_with_the_format_to_use()
    {
        var config = _temp.File("edge.json", """{ "Uplink": { "StatusInterval": "1.5s" } }""");

        var (exitCode, _, error) = await Run("run", "--config", config, "--data", Path.Combine(_temp.Path, "d"), "--broker", "mqtt://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Equal("alpr-edge: Uplink:StatusInterval: '1.5s' is not a time span: hh:mm:ss or d.hh:mm:ss, such as 00:00:01.5 or 1.00:00:00", Assert.Single(Lines(error)));
    }

    [Fact]
    public async Task Recognize_on_a_folder_without_images_says_so()
    {
        var empty = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(empty);

        var (exitCode, output, error) = await Run("recognize", empty);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"alpr-edge recognize: no images in {empty}", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FirmwareCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
