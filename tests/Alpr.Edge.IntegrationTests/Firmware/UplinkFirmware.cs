using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// The firmware host for uplink tests: scripted or paced frames and a scripted recogniser in front, the product
/// from tracking onwards (store, events, uplink), fast reconnects, logs recorded.
/// </summary>
internal static class UplinkFirmware
{
    public const string HotPlate = "7ABC123";

    public static IHost Build(
        string directory,
        Uri broker,
        string deviceId,
        FirmwareObserver observer,
        RecordingLoggerProvider logs,
        IFrameSource frames,
        Func<int, string?> plateAt,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pipeline:ChannelCapacity"] = "1000",
            ["Uplink:ReconnectMinDelay"] = "00:00:00.2",
            ["Uplink:ReconnectMaxDelay"] = "00:00:01",
            ["Uplink:ClientId"] = $"{deviceId}-{Guid.NewGuid():N}",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var hotlist = Path.Combine(directory, "hot.csv");
        File.WriteAllText(hotlist, $"plate,list,category,case\n{HotPlate},stolen,vehicle,C-1\n");
        return FirmwareHost.Build(new FirmwareRunSettings
        {
            DataDirectory = Path.Combine(directory, deviceId),
            BrokerUrl = broker.ToString(),
            DeviceId = deviceId,
            HotlistFile = hotlist,
            Reporters = [observer],
            Configuration = settings,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs),
            ConfigureServices = services =>
            {
                services.AddSingleton(frames);
                services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(plateAt));
            },
        });
    }

    /// <summary>Waits (polling, with a deadline) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}");
            }
        }
    }
}
