using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Rules;
using Alpr.Edge.Hardware.Status;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class PoleStatusServiceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task The_host_runs_on_the_simulated_pole_and_shows_no_uplink_while_capturing_without_a_broker()
    {
        var settings = new FirmwareRunSettings
        {
            DataDirectory = _temp.Path,
            Source = "sim://1?width=320&height=240",
            BrokerUrl = "mqtt://127.0.0.1:1",
            ConfigureLogging = logging => logging.ClearProviders(),
            ConfigureServices = services => services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(_ => null)),
        };
        using var host = FirmwareHost.Build(settings);
        await host.StartAsync();
        try
        {
            Assert.NotNull(host.Services.GetRequiredService<SimulatedPole>());
            var indicator = host.Services.GetRequiredService<PoleStatusIndicator>();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (indicator.Status != PoleStatus.NoUplink)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }

            Assert.Equal(PoleStatus.NoUplink, indicator.Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _temp.Dispose();
}
