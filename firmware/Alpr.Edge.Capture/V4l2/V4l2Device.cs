namespace Alpr.Edge.Capture.V4l2;

/// <summary>
/// The seam between the V4L2 source and a video device: one open handle on <c>/dev/videoN</c>. <see cref="IotVideoDevice"/> is
/// the real one (Iot.Device.Bindings' <c>VideoDevice</c>); <see cref="SimulatedV4l2Camera"/> hands out simulated ones that behave
/// like a USB camera (formats it offers and refuses, controls it lacks, unplugging mid-stream, stalls).
/// </summary>
public abstract class V4l2Device : IDisposable
{
    /// <summary>The device path it was opened as.</summary>
    public abstract string Path { get; }

    /// <summary>The pixel formats the camera offers that the source can use.</summary>
    public abstract IReadOnlyList<V4l2PixelFormat> SupportedFormats();

    /// <summary>The discrete frame sizes offered in <paramref name="format"/>; empty when the driver takes any size (stepwise).</summary>
    public abstract IReadOnlyList<V4l2FrameSize> SupportedSizes(V4l2PixelFormat format);

    /// <summary>The range of <paramref name="control"/>; false when the driver does not have it.</summary>
    public abstract bool TryQueryControl(V4l2Control control, out V4l2ControlRange range);

    /// <summary>Sets the format and controls and starts streaming.</summary>
    public abstract void StartCapture(V4l2CaptureSettings settings);

    /// <summary>
    /// The next captured buffer, as the driver filled it. Throws <see cref="Health.CameraDisconnectedException"/> when the device
    /// went away (<c>ENODEV</c>); waits (until cancelled) while the camera sends nothing.
    /// </summary>
    public abstract ValueTask<byte[]> ReadFrameAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops streaming and closes the device.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
