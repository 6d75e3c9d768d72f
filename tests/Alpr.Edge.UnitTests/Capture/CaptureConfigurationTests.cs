using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Hardware.Composition;
using Options = Microsoft.Extensions.Options.Options;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>The config file check with nested settings, and the capture options' start-up rules.</summary>
public sealed class CaptureConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new(nameof(CaptureConfigurationTests));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Nested_hardware_settings_and_a_camera_list_are_accepted()
    {
        var file = Write("""
            {
              "Hardware": { "Board": "rpi5", "Illuminator": { "UsePwm": true, "DerateAtCelsius": 70 }, "Inputs": { "TriggerEnabled": true } },
              "Capture": {
                "Source": "v4l2:///dev/video0?format=mjpeg",
                "Recognize": "TriggerWindows",
                "Cameras": [ { "Name": "lane-2", "Source": "rtsp://10.0.0.7/stream1" } ]
              },
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            """);

        ConfigFileCheck.Check(file);
    }

    [Theory]
    [InlineData("""{ "Hardware": { "Illuminator": { "UsePwn": true } } }""", "unknown key 'Hardware:Illuminator:UsePwn'", "UsePwm")]
    [InlineData("""{ "Hardware": { "Inputs": { "TriggerEnabled": { "x": 1 } } } }""", "'Hardware:Inputs:TriggerEnabled' must be a single value", null)]
    [InlineData("""{ "Hardware": { "Illuminator": 5 } }""", "'Hardware:Illuminator' must be an object of settings", null)]
    [InlineData("""{ "Capture": { "Cameras": [ { "Name": "a", "Sorce": "x" } ] } }""", "unknown key 'Capture:Cameras:0:Sorce'", "Source")]
    [InlineData("""{ "Capture": { "Cameras": { "Name": "a" } } }""", "'Capture:Cameras' must be a list", null)]
    public void Unknown_or_misshapen_nested_keys_are_refused_naming_the_key(string json, string message, string? suggestion)
    {
        var file = Write(json);

        var error = Assert.Throws<FirmwareConfigurationException>(() => ConfigFileCheck.Check(file));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains(suggestion, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Trigger_windows_without_a_wired_trigger_are_refused_with_both_keys()
    {
        var result = Validate(new CaptureOptions { Recognize = RecognizeMode.TriggerWindows }, triggerEnabled: false);

        Assert.True(result.Failed);
        Assert.Contains("Capture:Recognize is TriggerWindows", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hardware:Inputs:TriggerEnabled=true", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate(new CaptureOptions { Recognize = RecognizeMode.TriggerWindows }, triggerEnabled: true).Succeeded);
    }

    [Fact]
    public void Cameras_need_their_own_names_and_sources_and_sane_reconnection_times()
    {
        var options = new CaptureOptions
        {
            Cameras = [new CameraOptions { Name = "cam0", Source = "sim://2" }, new CameraOptions { Name = "lane-2" }],
            ReconnectInitialDelay = TimeSpan.FromSeconds(60),
            ReconnectMaxDelay = TimeSpan.FromSeconds(30),
            StallTimeout = TimeSpan.Zero,
        };

        var result = Validate(options, triggerEnabled: false);

        Assert.Contains("Capture:Cameras:0:Name 'cam0' is already used", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Capture:Cameras:1:Source is empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Capture:ReconnectInitialDelay", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Capture:StallTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(CaptureOptions options, bool triggerEnabled)
    {
        var hardware = new HardwareOptions();
        hardware.Inputs.TriggerEnabled = triggerEnabled;
        return new CaptureOptionsValidator(Options.Create(new DeviceOptions()), Options.Create(hardware)).Validate(null, options);
    }

    private string Write(string json)
    {
        var path = _folder.File($"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
