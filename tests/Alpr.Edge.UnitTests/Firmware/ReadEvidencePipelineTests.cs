using System.Runtime.CompilerServices;
using System.Text.Json;
using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>Every stored read carries the best sighting's plate crop and overview, and the site's position.</summary>
public sealed class ReadEvidencePipelineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_read_is_stored_with_the_crop_and_overview_of_its_most_confident_sighting_and_the_site()
    {
        File.WriteAllText(Path.Combine(_temp.Path, "hot.csv"), "plate,list,category,case\n7ABC123,stolen,vehicle,C-42\n");
        var observer = new FirmwareObserver();
        var settings = new FirmwareRunSettings
        {
            DataDirectory = _temp.Path,
            BrokerUrl = "mqtt://127.0.0.1:1",
            DeviceId = "pole-9",
            HotlistFile = Path.Combine(_temp.Path, "hot.csv"),
            Reporters = [observer],
            Configuration = new Dictionary<string, string?>
            {
                ["Pipeline:ChannelCapacity"] = "100",
                ["Device:Latitude"] = "37.7749",
                ["Device:Longitude"] = "-122.4194",
                ["Evidence:OverviewMaxSide"] = "320",
            },
            ConfigureLogging = logging => logging.ClearProviders(),
            ConfigureServices = services =>
            {
                services.AddSingleton<IFrameSource>(new PaintedFrames(8));
                services.AddSingleton<IPlateRecognizer>(new BoxRecognizer());
            },
        };

        using (var host = FirmwareHost.Build(settings))
        {
            await host.StartAsync();
            await observer.WaitForReadsAsync(1, TimeSpan.FromSeconds(20));
            await host.StopAsync();
        }

        var read = Assert.Single(observer.Reads);
        Assert.Equal((37.7749, -122.4194), (read.Latitude, read.Longitude));
        using var store = DeviceStore.Open(_temp.Path, TimeProvider.System);
        Assert.True(store.Ring.TryRead(read.Id, out var record));
        Assert.Equal(new Alpr.Edge.Storage.Evidence.GeoPosition(37.7749, -122.4194), record!.Evidence.Site);

        // Frame 2 was the most confident sighting: its crop is the box grown by a quarter each side, and it is
        // the frame painted with that frame's grey level.
        using var crop = SKBitmap.Decode(record.Evidence.PlateCropJpeg.ToArray());
        Assert.Equal((150, 90), (crop.Width, crop.Height));
        Assert.InRange(crop.GetPixel(5, 5).Red, PaintedFrames.GreyOf(2) - 6, PaintedFrames.GreyOf(2) + 6);
        using var overview = SKBitmap.Decode(record.Evidence.OverviewJpeg.ToArray());
        Assert.Equal((320, 240), (overview.Width, overview.Height));
        // The hit goes to officers with the same images inside it.
        var hit = Assert.Single(observer.Hits);
        Assert.Equal(record.Evidence.PlateCropJpeg.ToArray(), hit.PlateCropJpeg!.Value.ToArray());
        Assert.Equal(record.Evidence.OverviewJpeg.ToArray(), hit.OverviewJpeg!.Value.ToArray());
        Assert.Equal(Start.AddMilliseconds(200), JsonSerializer.Deserialize<JsonElement>(record.Payload).GetProperty("capturedAt").GetDateTimeOffset());
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>640x480 frames, each painted a different grey, 100 ms apart; the frame number is in the top-left pixel's blue.</summary>
    private sealed class PaintedFrames(int count) : IFrameSource
    {
        public string Camera => "cam0";

        public static byte GreyOf(int frame) => (byte)(40 + (frame * 25));

        public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                var bitmap = new SKBitmap(640, 480);
                bitmap.Erase(new SKColor(GreyOf(i), GreyOf(i), GreyOf(i)));
                bitmap.SetPixel(0, 0, new SKColor(0, 0, (byte)i));
                yield return new Frame(Camera, i, Start.AddMilliseconds(100 * i), i, bitmap);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Reads "7ABC123" in every frame at the same box, most confidently in frame 2.</summary>
    private sealed class BoxRecognizer : IPlateRecognizer
    {
        public FrameRecognition Recognize(SKBitmap image, CancellationToken cancellationToken)
        {
            var frame = image.GetPixel(0, 0).Blue;
            return new FrameRecognition
            {
                Plates = [new PlateReading { Text = "7ABC123", Confidence = frame == 2 ? 0.97 : 0.8, Box = new PlateRegion(200, 200, 100, 60) }],
            };
        }

        public void Dispose()
        {
        }
    }
}
