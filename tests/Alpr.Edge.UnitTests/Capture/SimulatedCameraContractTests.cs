using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Simulation;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class SimulatedCameraContractTests : FrameSourceContractTests
{
    protected override IFrameSource CreateSource(string camera, TimeProvider clock) =>
        new SimulatedCamera(camera, new SimulatedCameraOptions { Width = 320, Height = 240, FramesPerSecond = 0 }, clock);
}
