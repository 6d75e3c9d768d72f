using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Pacing;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>
/// A network camera (RTSP, HTTP MJPEG) or video file decoded by Debian's ffmpeg, run as a child process per session that writes
/// JPEGs to its stdout. Live cameras are drained continuously into a small buffer that drops (and counts) the oldest frame, so
/// the consumer always gets a fresh one and ffmpeg never blocks on a full pipe; video files are read with back-pressure and
/// paced on the <see cref="TimeProvider"/>. When ffmpeg exits with an error or a live stream ends, the session throws
/// <see cref="CameraDisconnectedException"/> with ffmpeg's own message; cancelling kills ffmpeg.
/// </summary>
public sealed class FfmpegFrameSource : IFrameSource
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private readonly FfmpegSourceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CameraHealthMonitor? _health;
    private readonly string _displayInput;
    private long _dropped;

    /// <summary>Creates the source; <paramref name="health"/> (optional) counts the frames it drops.</summary>
    public FfmpegFrameSource(string camera, FfmpegSourceOptions options, TimeProvider timeProvider, ILogger logger, CameraHealthMonitor? health = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Camera = camera;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _health = health;
        _displayInput = FfmpegSourceUri.Redact(options.Input);
    }

    /// <inheritdoc />
    public string Camera { get; }

    /// <summary>The settings.</summary>
    public FfmpegSourceOptions Options => _options;

    /// <inheritdoc />
    public bool IsLive => _options.IsLive;

    /// <inheritdoc />
    public double? ExpectedFramesPerSecond => _options.FramesPerSecond is > 0 ? _options.FramesPerSecond : null;

    /// <summary>Frames lost in this source (buffer overrun, undecodable) since it was created.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CaptureLog.FfmpegStarting(_logger, Camera, _options.Program, _displayInput);
        var process = FfmpegProcess.Start(_options.Program, FfmpegArguments.For(_options));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(_options.BufferFrames)
            {
                FullMode = _options.IsLive ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = true,
            },
            _ => Dropped());
        var pump = PumpAsync(process, buffer.Writer, stop.Token);
        var pacer = !_options.IsLive && _options.FramesPerSecond is { } fps
            ? new FramePacer(_timeProvider, fps > 0 ? TimeSpan.FromSeconds(1 / fps) : TimeSpan.Zero)
            : null;
        long sequence = 0;
        int? exitCode = null;
        var errorTail = string.Empty;
        try
        {
            await foreach (var jpeg in buffer.Reader.ReadAllAsync(cancellationToken))
            {
                if (pacer is not null)
                {
                    await pacer.WaitForNextFrameAsync(cancellationToken);
                }

                var capturedAt = _timeProvider.GetUtcNow();
                var timestamp = _timeProvider.GetTimestamp();
                if (!ImageFileDecoder.TryDecode(jpeg, out var bitmap, out var reason))
                {
                    Dropped();
                    CaptureLog.UndecodableFrame(_logger, Camera, FramesDropped, reason);
                    continue;
                }

                yield return new Frame(Camera, sequence++, capturedAt, timestamp, bitmap);
            }
        }
        finally
        {
            // A process that ended by itself keeps its exit code; one still running is killed here.
            exitCode = process.HasExited ? process.ExitCode : null;
            await stop.CancelAsync();
            process.Kill();
            await pump;
            errorTail = process.ErrorTail;
            await process.DisposeAsync();
        }

        // The stream ended (or broke): say why.
        if (exitCode is not 0 || _options.IsLive)
        {
            var how = exitCode is { } code ? $"ffmpeg exited with code {code}" : "ffmpeg stopped sending frames";
            var what = _options.IsLive ? "the stream ended" : "the video could not be read";
            throw new CameraDisconnectedException($"{what}: {how}: {errorTail}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task PumpAsync(FfmpegProcess process, ChannelWriter<byte[]> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var reader = new JpegStreamReader(process.Output);
            while (await reader.ReadAsync(cancellationToken) is { } jpeg)
            {
                await writer.WriteAsync(jpeg, cancellationToken);
            }

            // Let ffmpeg finish so that its exit code and last words are known.
            await process.WaitForExitAsync(ExitWait, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException)
        {
            failure = new CameraDisconnectedException($"reading ffmpeg's output failed ({ex.Message}): {process.ErrorTail}", ex);
        }

        writer.TryComplete(failure);
    }

    private void Dropped()
    {
        Interlocked.Increment(ref _dropped);
        _health?.FrameDropped();
    }
}
