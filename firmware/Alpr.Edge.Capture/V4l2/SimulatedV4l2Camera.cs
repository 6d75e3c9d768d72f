using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Pacing;
using Alpr.Edge.Capture.Simulation;
using SkiaSharp;

namespace Alpr.Edge.Capture.V4l2;

/// <summary>
/// A USB camera on a simulated port, for the demo and the tests: it offers <see cref="Formats"/> in <see cref="Sizes"/>, has the
/// controls in <see cref="Controls"/> (others are missing, as on many cheap UVC cameras), sends the simulated street at
/// <see cref="FramesPerSecond"/> on the <see cref="TimeProvider"/>, and can be unplugged (reads fail with <c>ENODEV</c>, opens with
/// <c>ENOENT</c>), plugged back, held by another process (<c>EBUSY</c>) or stalled (reads wait). Pass <see cref="Open"/> to
/// <see cref="V4l2FrameSource"/>.
/// </summary>
public sealed class SimulatedV4l2Camera : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly StreetSceneRenderer _renderer;
    private readonly Lock _gate = new();
    private TaskCompletionSource _resumed = NewSignal(completed: true);
    private long _generation;
    private long _sent;

    /// <summary>Creates the camera at <paramref name="path"/> showing the street rendered with <paramref name="scene"/> (its size is ignored).</summary>
    public SimulatedV4l2Camera(string path, SimulatedCameraOptions scene, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Path = path;
        Scene = scene;
        _timeProvider = timeProvider;
        _renderer = new StreetSceneRenderer(scene with { Width = 640, Height = 480 });
    }

    /// <summary>The device node it appears as.</summary>
    public string Path { get; }

    /// <summary>What it shows.</summary>
    public SimulatedCameraOptions Scene { get; }

    /// <summary>Pixel formats offered.</summary>
    public IReadOnlyList<V4l2PixelFormat> Formats { get; init; } = [V4l2PixelFormat.Mjpeg, V4l2PixelFormat.Yuyv];

    /// <summary>Discrete sizes offered (the renderer needs at least 320x240).</summary>
    public IReadOnlyList<V4l2FrameSize> Sizes { get; init; } = [new(320, 240), new(640, 480), new(1280, 720)];

    /// <summary>Controls the driver has, with their ranges.</summary>
    public IReadOnlyDictionary<V4l2Control, V4l2ControlRange> Controls { get; init; } = new Dictionary<V4l2Control, V4l2ControlRange>
    {
        [V4l2Control.Exposure] = new(1, 5000, 156),
        [V4l2Control.Gain] = new(0, 255, 32),
    };

    /// <summary>The camera's own frame rate.</summary>
    public double FramesPerSecond { get; init; } = 30;

    /// <summary>Whether the camera is on the bus.</summary>
    public bool Plugged { get; private set; } = true;

    /// <summary>Whether another process holds the device (opens fail with <c>EBUSY</c>).</summary>
    public bool Busy { get; set; }

    /// <summary>Successful opens so far.</summary>
    public int Opens { get; private set; }

    /// <summary>The settings of the last <c>StartCapture</c>.</summary>
    public V4l2CaptureSettings? LastSettings { get; private set; }

    /// <summary>Buffers sent so far.</summary>
    public long FramesSent => Interlocked.Read(ref _sent);

    /// <summary>Opens a handle, as <c>open("/dev/videoN")</c> would.</summary>
    public V4l2Device Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_gate)
        {
            if (!Plugged || path != Path)
            {
                throw new CameraDisconnectedException($"cannot open {path}: No such file or directory (ENOENT); is the camera plugged in?");
            }

            if (Busy)
            {
                throw new CameraDisconnectedException($"cannot open {path}: Device or resource busy (EBUSY); another process holds the camera");
            }

            Opens++;
            return new Handle(this, _generation);
        }
    }

    /// <summary>Pulls the cable: open handles fail their next read with <c>ENODEV</c>; opens fail until <see cref="Plug"/>.</summary>
    public void Unplug()
    {
        lock (_gate)
        {
            Plugged = false;
            _generation++;
            _resumed.TrySetResult();
        }
    }

    /// <summary>Puts the cable back.</summary>
    public void Plug()
    {
        lock (_gate)
        {
            Plugged = true;
        }
    }

    /// <summary>Stops sending frames (a hung firmware or a USB hub brown-out); reads wait until <see cref="Resume"/> or cancellation.</summary>
    public void Stall()
    {
        lock (_gate)
        {
            if (_resumed.Task.IsCompleted)
            {
                _resumed = NewSignal(completed: false);
            }
        }
    }

    /// <summary>Sends frames again after <see cref="Stall"/>.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _resumed.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _renderer.Dispose();

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }

    private byte[] Capture(V4l2CaptureSettings settings, long sequence)
    {
        var rendered = _renderer.Render(sequence);
        using var picture = rendered.Image;
        using var sized = settings.Size.Width == picture.Width && settings.Size.Height == picture.Height
            ? null
            : picture.Resize(new SKImageInfo(settings.Size.Width, settings.Size.Height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear));
        var image = sized ?? picture;
        Interlocked.Increment(ref _sent);
        if (settings.Format == V4l2PixelFormat.Yuyv)
        {
            return YuyvConverter.FromBitmap(image);
        }

        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private sealed class Handle(SimulatedV4l2Camera camera, long generation) : V4l2Device
    {
        private V4l2CaptureSettings? _settings;
        private FramePacer? _pacer;
        private long _sequence;
        private bool _disposed;

        public override string Path => camera.Path;

        public override IReadOnlyList<V4l2PixelFormat> SupportedFormats() => camera.Formats;

        public override IReadOnlyList<V4l2FrameSize> SupportedSizes(V4l2PixelFormat format) => camera.Formats.Contains(format) ? camera.Sizes : [];

        public override bool TryQueryControl(V4l2Control control, out V4l2ControlRange range) =>
            camera.Controls.TryGetValue(control, out range!);

        public override void StartCapture(V4l2CaptureSettings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            ThrowIfGone();
            if (!camera.Formats.Contains(settings.Format) || !camera.Sizes.Contains(settings.Size))
            {
                throw new IOException($"VIDIOC_S_FMT {settings.Size} {settings.Format}: Invalid argument (EINVAL)");
            }

            _settings = settings;
            _pacer = new FramePacer(camera._timeProvider, TimeSpan.FromSeconds(1 / camera.FramesPerSecond));
            camera.LastSettings = settings;
        }

        public override async ValueTask<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var settings = _settings ?? throw new InvalidOperationException("VIDIOC_DQBUF before VIDIOC_STREAMON");
            ThrowIfGone();
            Task resumed;
            lock (camera._gate)
            {
                resumed = camera._resumed.Task;
            }

            await resumed.WaitAsync(cancellationToken);
            ThrowIfGone();
            await _pacer!.WaitForNextFrameAsync(cancellationToken);
            ThrowIfGone();
            return camera.Capture(settings, _sequence++);
        }

        protected override void Dispose(bool disposing)
        {
            _disposed = true;
            base.Dispose(disposing);
        }

        private void ThrowIfGone()
        {
            lock (camera._gate)
            {
                if (!camera.Plugged || camera._generation != generation)
                {
                    throw new CameraDisconnectedException($"VIDIOC_DQBUF on {camera.Path}: No such device (ENODEV)");
                }
            }
        }
    }
}
