using Alpr.Edge.CommandLine;
using System.CommandLine;
using Alpr.Edge.Capture.Simulation;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// <c>alpr-edge simulate [--seed N] [--frames N] [--out DIR] [--plates A,B] [--night]</c>: writes simulated camera
/// frames as <c>frame-000000.jpg</c> with their ground truth beside them as <c>frame-000000.json</c>.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Scene seed; the same seed gives the same frames.", DefaultValueFactory = _ => 1 };
        var frames = new Option<int>("--frames") { Description = "Number of frames to write (1–100000).", DefaultValueFactory = _ => 100 };
        var output = new Option<string>("--out") { Description = "Folder to write into (created if missing).", DefaultValueFactory = _ => "sim-frames" };
        var plates = new Option<string?>("--plates") { Description = "Comma-separated plates the vehicles carry, in order (e.g. 7ABC123,4XYZ567)." };
        var night = new Option<bool>("--night") { Description = "Render the infrared night look." };
        var width = new Option<int>("--width") { Description = "Frame width in pixels.", DefaultValueFactory = _ => 1280 };
        var height = new Option<int>("--height") { Description = "Frame height in pixels.", DefaultValueFactory = _ => 720 };
        frames.InRange(1, 100_000);

        var command = new Command("simulate", "Render simulated camera frames (with ground truth) to a folder.")
        {
            seed, frames, output, plates, night, width, height,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var options = new SimulatedCameraOptions
            {
                Seed = parseResult.GetValue(seed),
                FrameCount = parseResult.GetValue(frames),
                Width = parseResult.GetValue(width),
                Height = parseResult.GetValue(height),
                Night = parseResult.GetValue(night),
                FramesPerSecond = 0,
                PlateTexts = parseResult.GetValue(plates)?
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(text => text.ToUpperInvariant())
                    .ToList(),
            };
            var folder = parseResult.GetValue(output)!;
            try
            {
                using var renderer = new StreetSceneRenderer(options);
                Directory.CreateDirectory(folder);
                var count = options.FrameCount ?? 0;
                for (long sequence = 0; sequence < count; sequence++)
                {
                    var frame = renderer.Render(sequence);
                    using (frame.Image)
                    {
                        await SimulatedFrameWriter.WriteAsync(frame, folder, SimulatedFrameWriter.NameOf(sequence), cancellationToken);
                    }
                }

                await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                    $"Wrote {count} frames (seed {options.Seed}) with ground truth to {Path.GetFullPath(folder)}");
                return 0;
            }
            catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await error.WriteLineAsync($"simulate: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
