namespace Alpr.Edge.Capture.V4l2;

/// <summary>Settings of a V4L2 camera (see <see cref="V4l2SourceUri"/>).</summary>
public sealed record V4l2SourceOptions
{
    /// <summary>The device node (<c>/dev/video0</c>, or a stable <c>/dev/v4l/by-id/…</c> link).</summary>
    public string Device { get; init; } = "/dev/video0";

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = 720;

    /// <summary>Pixel format asked of the camera.</summary>
    public V4l2PixelFormat Format { get; init; } = V4l2PixelFormat.Mjpeg;

    /// <summary>
    /// Frames per second delivered: a camera running faster is thinned to at most this rate (the binding cannot set the camera's
    /// own rate); the self-test measures against it.
    /// </summary>
    public double FramesPerSecond { get; init; } = 10;

    /// <summary>Manual exposure in 100 µs units (e.g. 10 = 1 ms for plates under IR at night), or null for automatic exposure.</summary>
    public int? Exposure { get; init; }

    /// <summary>Gain in the driver's units, or null for the driver's default.</summary>
    public int? Gain { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(Device.StartsWith('/'), "device", $"must be an absolute path such as /dev/video0, was '{Device}'");
        Require(Width is >= 16 and <= 8192 && Width % 2 == 0, "width", $"must be an even 16–8192 pixels, was {Width}");
        Require(Height is >= 16 and <= 8192, "height", $"must be 16–8192 pixels, was {Height}");
        Require(FramesPerSecond is > 0 and <= 120 && double.IsFinite(FramesPerSecond), "fps", $"must be above 0 and at most 120, was {FramesPerSecond}");
        Require(Exposure is null or >= 1, "exposure", $"must be at least 1 (100 µs units), was {Exposure}");
        Require(Gain is null or >= 0, "gain", $"must not be negative, was {Gain}");
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"V4L2 option {key} {message}.");
        }
    }
}
