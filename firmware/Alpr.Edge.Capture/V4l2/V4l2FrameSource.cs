using System.Runtime.CompilerServices;
using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Health;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Alpr.Edge.Capture.V4l2;

/// <summary>
/// A USB or CSI camera through V4L2. Each session opens the device, checks that it offers the format and size asked for (else
/// <see cref="CameraFailedException"/> naming what it offers), sets exposure and gain where the driver has those controls (a
/// missing control is logged once and skipped; a value outside the driver's range is refused), then turns each buffer into a frame:
/// MJPEG decoded, YUYV converted to RGBA. A camera faster than <see cref="V4l2SourceOptions.FramesPerSecond"/> is thinned.
/// Unplugging shows up as <see cref="CameraDisconnectedException"/> (<c>ENODEV</c>) and the supervisor reopens it.
/// </summary>
public sealed class V4l2FrameSource : IFrameSource
{
    private readonly V4l2SourceOptions _options;
    private readonly Func<string, V4l2Device> _open;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CameraHealthMonitor? _health;
    private readonly HashSet<V4l2Control> _reportedMissing = [];
    private long _dropped;

    /// <summary>Creates the source; <paramref name="open"/> opens the device (<see cref="IotVideoDevice.Open"/> on a board).</summary>
    public V4l2FrameSource(string camera, V4l2SourceOptions options, Func<string, V4l2Device> open, TimeProvider timeProvider, ILogger logger, CameraHealthMonitor? health = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Camera = camera;
        _options = options;
        _open = open;
        _timeProvider = timeProvider;
        _logger = logger;
        _health = health;
    }

    /// <inheritdoc />
    public string Camera { get; }

    /// <summary>The settings.</summary>
    public V4l2SourceOptions Options => _options;

    /// <inheritdoc />
    public bool IsLive => true;

    /// <inheritdoc />
    public double? ExpectedFramesPerSecond => _options.FramesPerSecond;

    /// <summary>Buffers lost (undecodable, short) since the source was created.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var device = _open(_options.Device);
        device.StartCapture(Negotiate(device));
        CaptureLog.V4l2Opened(_logger, Camera, _options.Device, _options.Width, _options.Height, _options.Format, _options.FramesPerSecond);
        var minimumGap = TimeSpan.FromSeconds(0.75 / _options.FramesPerSecond);
        long? lastDelivered = null;
        long sequence = 0;
        while (true)
        {
            var buffer = await device.ReadFrameAsync(cancellationToken);
            var now = _timeProvider.GetTimestamp();
            var capturedAt = _timeProvider.GetUtcNow();
            if (lastDelivered is { } last && _timeProvider.GetElapsedTime(last, now) < minimumGap)
            {
                continue;
            }

            if (Convert(buffer) is not { } bitmap)
            {
                continue;
            }

            lastDelivered = now;
            yield return new Frame(Camera, sequence++, capturedAt, now, bitmap);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private V4l2CaptureSettings Negotiate(V4l2Device device)
    {
        var formats = device.SupportedFormats();
        if (!formats.Contains(_options.Format))
        {
            var offered = formats.Count == 0 ? "neither MJPEG nor YUYV" : string.Join(", ", formats.Select(f => f.ToString().ToLowerInvariant()));
            throw new CameraFailedException(
                $"{_options.Device} does not offer format={_options.Format.ToString().ToLowerInvariant()}; it offers {offered}: set format= to one of those");
        }

        var size = new V4l2FrameSize(_options.Width, _options.Height);
        var sizes = device.SupportedSizes(_options.Format);
        if (sizes.Count > 0 && !sizes.Contains(size))
        {
            throw new CameraFailedException(
                $"{_options.Device} does not offer {size} in {_options.Format.ToString().ToLowerInvariant()}; it offers {string.Join(", ", sizes)}: set width= and height= to one of those");
        }

        return new V4l2CaptureSettings(size, _options.Format, Control(device, V4l2Control.Exposure, _options.Exposure), Control(device, V4l2Control.Gain, _options.Gain));
    }

    private int? Control(V4l2Device device, V4l2Control control, int? wanted)
    {
        if (wanted is not { } value)
        {
            return null;
        }

        var setting = $"{control.ToString().ToLowerInvariant()}={value}";
        if (!device.TryQueryControl(control, out var range))
        {
            if (_reportedMissing.Add(control))
            {
                CaptureLog.V4l2ControlMissing(_logger, Camera, _options.Device, control.ToString().ToLowerInvariant(), setting);
            }

            return null;
        }

        return range.Contains(value)
            ? value
            : throw new CameraFailedException($"{_options.Device}: {setting} is outside the driver's range {range.Minimum}–{range.Maximum} (default {range.Default})");
    }

    private SKBitmap? Convert(byte[] buffer)
    {
        if (_options.Format == V4l2PixelFormat.Mjpeg)
        {
            if (ImageFileDecoder.TryDecode(buffer, out var decoded, out var reason))
            {
                return decoded;
            }

            Dropped(reason);
            return null;
        }

        if (buffer.Length < YuyvConverter.FrameBytes(_options.Width, _options.Height))
        {
            Dropped($"a short YUYV buffer of {buffer.Length} bytes");
            return null;
        }

        return YuyvConverter.ToBitmap(buffer, _options.Width, _options.Height);
    }

    private void Dropped(string reason)
    {
        var count = Interlocked.Increment(ref _dropped);
        _health?.FrameDropped();
        CaptureLog.UndecodableFrame(_logger, Camera, count, reason);
    }
}
