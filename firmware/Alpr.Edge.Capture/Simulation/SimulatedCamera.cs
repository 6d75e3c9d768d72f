using System.Runtime.CompilerServices;
using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Pacing;

namespace Alpr.Edge.Capture.Simulation;

/// <summary>
/// A street camera that ships in the product: renders the simulated street (<see cref="StreetSceneRenderer"/>)
/// at the configured rate on a <see cref="TimeProvider"/>, so the firmware and its tests run without hardware.
/// </summary>
public sealed class SimulatedCamera : IFrameSource
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the camera; throws <see cref="ArgumentException"/> for bad options and <see cref="FileNotFoundException"/> without the plate font.</summary>
    public SimulatedCamera(string camera, SimulatedCameraOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Camera = camera;
        _timeProvider = timeProvider;
        Renderer = new StreetSceneRenderer(options);
    }

    /// <inheritdoc />
    public string Camera { get; }

    /// <inheritdoc />
    public double? ExpectedFramesPerSecond => Options.FramesPerSecond > 0 ? Options.FramesPerSecond : null;

    /// <summary>The options the camera renders with.</summary>
    public SimulatedCameraOptions Options => Renderer.Options;

    /// <summary>The renderer, for the ground truth of a frame: <c>Renderer.GetGroundTruth(frame.Sequence)</c>.</summary>
    public StreetSceneRenderer Renderer { get; }

    /// <summary>What the frame with the given sequence number shows.</summary>
    public FrameGroundTruth GetGroundTruth(long sequence) => Renderer.GetGroundTruth(sequence);

    /// <inheritdoc />
    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pacer = new FramePacer(_timeProvider, Options.FrameInterval);
        for (long sequence = 0; Options.FrameCount is not { } limit || sequence < limit; sequence++)
        {
            await pacer.WaitForNextFrameAsync(cancellationToken);
            var rendered = Renderer.Render(sequence);
            yield return new Frame(Camera, sequence, _timeProvider.GetUtcNow(), _timeProvider.GetTimestamp(), rendered.Image)
            {
                Label = $"sim-{Options.Seed}-{sequence:D6}",
            };
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Renderer.Dispose();
        return ValueTask.CompletedTask;
    }
}
