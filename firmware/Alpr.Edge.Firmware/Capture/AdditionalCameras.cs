using Alpr.Edge.Capture;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>The sources of <c>Capture:Cameras</c> (the device's own camera is the <see cref="IFrameSource"/> service).</summary>
/// <param name="Cameras">Each camera's configured source text and the source made from it.</param>
internal sealed record AdditionalCameras(IReadOnlyList<(string Source, IFrameSource Camera)> Cameras) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, camera) in Cameras)
        {
            await camera.DisposeAsync();
        }
    }
}
