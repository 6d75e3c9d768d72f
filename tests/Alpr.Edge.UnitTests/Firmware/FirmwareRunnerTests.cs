using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Cli;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class FirmwareRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_stage_that_crashes_stops_the_device_with_exit_code_1_and_one_line()
    {
        using var error = new StringWriter();
        var settings = new FirmwareRunSettings
        {
            DataDirectory = _temp.Path,
            BrokerUrl = "mqtt://127.0.0.1:1",
            ConfigureLogging = logging => logging.ClearProviders(),
            ConfigureServices = services =>
            {
                services.AddSingleton<IFrameSource>(new ScriptedFrameSource(0, DateTimeOffset.UnixEpoch));
                services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(_ => null));
                services.AddHostedService<CrashingStage>();
            },
        };

        var exitCode = await FirmwareRunner.RunAsync(settings, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Failure, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("alpr-edge: stopped after a failure: the stage broke", line);
    }

    public void Dispose() => _temp.Dispose();

    private sealed class CrashingStage : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the stage broke");
        }
    }
}
