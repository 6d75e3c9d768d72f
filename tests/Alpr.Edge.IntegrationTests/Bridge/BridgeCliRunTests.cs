using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.IntegrationTests.Infrastructure;
using MQTTnet.Exceptions;

namespace Alpr.Edge.IntegrationTests.Bridge;

public sealed class BridgeCliRunTests
{
    [Fact]
    public async Task Run_with_an_embedded_broker_prints_each_record_on_standard_output_and_exits_0_when_stopped()
    {
        var data = Directory.CreateTempSubdirectory("alpr-bridge-cli-").FullName;
        var brokerPort = FreePort.Next();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        try
        {
            string[] args = ["run", "--data", data, "--urls", "http://127.0.0.1:0", "--embedded-broker", $"{brokerPort}"];
            var run = BridgeCli.InvokeAsync(args, TextWriter.Synchronized(output), error, stop.Token);
            var read = TestRecords.Read("pole-1");

            await using (var device = await ConnectWhenTheBrokerIsUpAsync(new Uri($"mqtt://127.0.0.1:{brokerPort}"), run))
            {
                await PublishUntilAcknowledgedAsync(device, read);
            }

            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(20)));
            // Without --print-plates the feed names the record, never the plate.
            Assert.Equal($"READ  {TestRecords.CapturedAtText} pole-1/cam0  id {read.Id:D}  0.97", output.ToString().Trim());
            Assert.Equal(string.Empty, error.ToString());
            Assert.True(File.Exists(Path.Combine(data, "bridge.db")));
        }
        finally
        {
            await stop.CancelAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<SimulatedDevice> ConnectWhenTheBrokerIsUpAsync(Uri broker, Task<int> run)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Assert.False(run.IsCompleted, "the bridge exited early");
            try
            {
                return await SimulatedDevice.ConnectAsync(broker, "pole-1");
            }
            catch (MqttCommunicationException)
            {
                // The broker is not listening yet: a process start has no event to wait on, so probe again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
    }

    private static async Task PublishUntilAcknowledgedAsync(SimulatedDevice device, Contracts.PlateReadMessage read)
    {
        // As a device does: re-send until acknowledged (the bridge may not have subscribed yet).
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await device.PublishReadAsync(read);
            try
            {
                await device.WaitForAcksAsync(TimeSpan.FromSeconds(1), read.Id);
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        Assert.Fail("the bridge never acknowledged the read");
    }
}
