using System.Globalization;
using System.Threading.Channels;
using Alpr.Edge.Capture.Health;
using Iot.Device.Media;

namespace Alpr.Edge.Capture.V4l2;

/// <summary>
/// A real V4L2 device through Iot.Device.Bindings' <see cref="VideoDevice"/>: formats, sizes and controls from the driver, then
/// <see cref="VideoDevice.CaptureContinuous"/> on its own thread, whose buffers are copied into a two-place queue (the oldest is
/// dropped so reads stay fresh). The binding ignores ioctl errors, so an unplugged camera is detected by its device node going
/// away: every read checks it and reports <c>ENODEV</c>.
/// </summary>
public sealed class IotVideoDevice : V4l2Device
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly VideoDevice _device;
    private readonly string _node;
    private readonly Channel<byte[]> _buffers = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stop = new();
    private Task? _capture;

    private IotVideoDevice(string path, string node, VideoDevice device)
    {
        Path = path;
        _node = node;
        _device = device;
        _device.NewImageBufferReady += OnBuffer;
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (<c>/dev/videoN</c>, or a link to one such as <c>/dev/v4l/by-id/…</c>); throws
    /// <see cref="CameraDisconnectedException"/> when the node is not there and <see cref="CameraFailedException"/> when it is not a
    /// <c>/dev/videoN</c> device.
    /// </summary>
    public static V4l2Device Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new CameraDisconnectedException($"cannot open {path}: No such file or directory (ENOENT); is the camera plugged in?");
        }

        var node = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        const string prefix = "/dev/video";
        if (!node.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(node.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bus))
        {
            throw new CameraFailedException($"{path} is not a V4L2 capture node (/dev/videoN): set the device to the camera's /dev/videoN or its /dev/v4l/by-id link");
        }

        try
        {
            var device = VideoDevice.Create(new VideoConnectionSettings(bus, (1280, 720), VideoPixelFormat.MJPEG));
            return new IotVideoDevice(path, node, device);
        }
        catch (IOException ex)
        {
            throw new CameraDisconnectedException($"cannot open {path}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<V4l2PixelFormat> SupportedFormats() =>
        _device.GetSupportedPixelFormats()
            .Select(Map)
            .OfType<V4l2PixelFormat>()
            .Distinct()
            .ToList();

    /// <inheritdoc />
    public override IReadOnlyList<V4l2FrameSize> SupportedSizes(V4l2PixelFormat format)
    {
        var sizes = _device.GetPixelFormatResolutions(Map(format)).ToList();
        // Stepwise and continuous drivers take any size in their range: leave the check to the driver.
        return sizes.Any(s => s.Type != ResolutionType.Discrete)
            ? []
            : sizes.Select(s => new V4l2FrameSize((int)s.MaxWidth, (int)s.MaxHeight)).Distinct().ToList();
    }

    /// <inheritdoc />
    public override bool TryQueryControl(V4l2Control control, out V4l2ControlRange range)
    {
        var value = _device.GetVideoDeviceValue(control == V4l2Control.Exposure ? VideoDeviceValueType.ExposureTime : VideoDeviceValueType.Gain);
        // The binding does not report a failed VIDIOC_QUERYCTRL: a control the driver lacks reads back as all zeros.
        range = new V4l2ControlRange(value.Minimum, value.Maximum, value.DefaultValue);
        return value.Minimum != 0 || value.Maximum != 0;
    }

    /// <inheritdoc />
    public override void StartCapture(V4l2CaptureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = _device.Settings;
        target.CaptureSize = ((uint)settings.Size.Width, (uint)settings.Size.Height);
        target.PixelFormat = Map(settings.Format);
        if (settings.Exposure is { } exposure)
        {
            target.ExposureType = ExposureType.Manual;
            target.ExposureTime = exposure;
        }

        if (settings.Gain is { } gain)
        {
            target.Gain = gain;
        }

        _device.StartCaptureContinuous();
        _capture = Task.Factory.StartNew(() => _device.CaptureContinuous(_stop.Token), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public override async ValueTask<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
    {
        ThrowIfGone();
        if (_capture is { IsFaulted: true } failed)
        {
            throw new CameraDisconnectedException($"capturing from {Path} failed: {failed.Exception?.GetBaseException().Message}");
        }

        var buffer = await _buffers.Reader.ReadAsync(cancellationToken);
        ThrowIfGone();
        return buffer;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            // CaptureContinuous checks the token between buffers; a camera that sends nothing keeps it in VIDIOC_DQBUF.
            _capture?.Wait(StopWait);
            _device.NewImageBufferReady -= OnBuffer;
            _device.StopCaptureContinuous();
            _device.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnBuffer(object sender, NewImageBufferReadyEventArgs e) =>
        _buffers.Writer.TryWrite(e.ImageBuffer.AsSpan(0, e.Length).ToArray());

    private void ThrowIfGone()
    {
        if (!File.Exists(_node))
        {
            throw new CameraDisconnectedException($"VIDIOC_DQBUF on {Path}: No such device (ENODEV); the camera was unplugged");
        }
    }

    private static V4l2PixelFormat? Map(VideoPixelFormat format) => format switch
    {
        VideoPixelFormat.MJPEG or VideoPixelFormat.JPEG => V4l2PixelFormat.Mjpeg,
        VideoPixelFormat.YUYV => V4l2PixelFormat.Yuyv,
        _ => null,
    };

    private static VideoPixelFormat Map(V4l2PixelFormat format) =>
        format == V4l2PixelFormat.Mjpeg ? VideoPixelFormat.MJPEG : VideoPixelFormat.YUYV;
}
