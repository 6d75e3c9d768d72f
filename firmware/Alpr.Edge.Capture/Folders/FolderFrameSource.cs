using System.Runtime.CompilerServices;
using Alpr.Edge.Capture.Pacing;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Alpr.Edge.Capture.Folders;

/// <summary>
/// Plays the images of a folder as a camera: <c>.jpg</c>, <c>.jpeg</c> and <c>.png</c> files in ordinal name order,
/// paced on a <see cref="TimeProvider"/> (one frame slot per file), once through or looping. A file that cannot be read or decoded is logged
/// with its name and the reason and skipped; the stream goes on.
/// </summary>
public sealed class FolderFrameSource : IFrameSource
{
    private readonly FolderFrameSourceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FolderFrameSource> _logger;

    /// <summary>Creates the source; throws <see cref="DirectoryNotFoundException"/> when the folder does not exist.</summary>
    public FolderFrameSource(string camera, FolderFrameSourceOptions options, TimeProvider timeProvider, ILogger<FolderFrameSource> logger)
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
    }

    /// <inheritdoc />
    public string Camera { get; }

    /// <inheritdoc />
    public double? ExpectedFramesPerSecond => _options.Interval > TimeSpan.Zero ? 1 / _options.Interval.TotalSeconds : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pacer = new FramePacer(_timeProvider, _options.Interval);
        long sequence = 0;
        while (true)
        {
            var files = Directory.EnumerateFiles(_options.Folder)
                .Where(ImageFileDecoder.IsImageFile)
                .Order(StringComparer.Ordinal)
                .ToList();
            _logger.FolderPassStarted(_options.Folder, files.Count, _options.Loop);
            var delivered = 0;
            foreach (var file in files)
            {
                // Each file takes one frame slot, as a camera's frame does even when it turns out unusable.
                await pacer.WaitForNextFrameAsync(cancellationToken);
                var bitmap = await TryReadAsync(file, cancellationToken);
                if (bitmap is null)
                {
                    continue;
                }

                delivered++;
                yield return new Frame(Camera, sequence++, _timeProvider.GetUtcNow(), _timeProvider.GetTimestamp(), bitmap)
                {
                    Label = Path.GetFileName(file),
                };
            }

            if (delivered == 0)
            {
                _logger.FolderHasNoImages(_options.Folder);
                yield break;
            }

            if (!_options.Loop)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<SKBitmap?> TryReadAsync(string file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.ImageSkipped(Path.GetFileName(file), exception.Message);
            return null;
        }

        if (ImageFileDecoder.TryDecode(bytes, out var bitmap, out var reason))
        {
            return bitmap;
        }

        _logger.ImageSkipped(Path.GetFileName(file), reason);
        return null;
    }
}
