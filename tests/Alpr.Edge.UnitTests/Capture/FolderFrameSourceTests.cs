using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Folders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class FolderFrameSourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Corrupt_image_is_skipped_with_a_logged_reason_and_the_stream_continues()
    {
        using var folder = new TempFolder(nameof(Corrupt_image_is_skipped_with_a_logged_reason_and_the_stream_continues));
        WriteImage(folder.File("a.png"), SKEncodedImageFormat.Png, SKColors.Red);
        await File.WriteAllBytesAsync(folder.File("b.jpg"), [0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x42]);
        WriteImage(folder.File("c.jpg"), SKEncodedImageFormat.Jpeg, SKColors.Blue);
        await File.WriteAllTextAsync(folder.File("notes.txt"), "not an image");
        var logger = new RecordingLogger<FolderFrameSource>();
        await using var source = new FolderFrameSource("bench", new FolderFrameSourceOptions { Folder = folder.Path, Interval = TimeSpan.Zero }, TimeProvider.System, logger);

        var frames = await ReadAllAsync(source);

        Assert.Equal(["a.png", "c.jpg"], frames.Select(f => f.Label));
        Assert.Equal([0L, 1L], frames.Select(f => f.Sequence));
        Assert.Equal(SKColorType.Rgba8888, frames[0].Image.ColorType);
        Assert.Equal(64, frames[0].Image.Width);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("b.jpg", warning.Message, StringComparison.Ordinal);
        Assert.Contains("not a JPEG or PNG", warning.Message, StringComparison.Ordinal);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Truncated_image_is_skipped_as_truncated()
    {
        using var folder = new TempFolder(nameof(Truncated_image_is_skipped_as_truncated));
        WriteImage(folder.File("whole.jpg"), SKEncodedImageFormat.Jpeg, SKColors.Green);
        var bytes = await File.ReadAllBytesAsync(folder.File("whole.jpg"));
        await File.WriteAllBytesAsync(folder.File("half.jpg"), bytes[..(bytes.Length / 2)]);
        var logger = new RecordingLogger<FolderFrameSource>();
        await using var source = new FolderFrameSource("bench", new FolderFrameSourceOptions { Folder = folder.Path, Interval = TimeSpan.Zero }, TimeProvider.System, logger);

        var frames = await ReadAllAsync(source);

        Assert.Equal(["whole.jpg"], frames.Select(f => f.Label));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("half.jpg", StringComparison.Ordinal));
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Looping_source_starts_again_from_the_first_file()
    {
        using var folder = new TempFolder(nameof(Looping_source_starts_again_from_the_first_file));
        WriteImage(folder.File("1.png"), SKEncodedImageFormat.Png, SKColors.White);
        WriteImage(folder.File("2.PNG"), SKEncodedImageFormat.Png, SKColors.Black);
        await using var source = new FolderFrameSource(
            "bench", new FolderFrameSourceOptions { Folder = folder.Path, Interval = TimeSpan.Zero, Loop = true }, TimeProvider.System, new RecordingLogger<FolderFrameSource>());

        var labels = new List<string?>();
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            using (frame)
            {
                labels.Add(frame.Label);
            }

            if (labels.Count == 5)
            {
                break;
            }
        }

        Assert.Equal(["1.png", "2.PNG", "1.png", "2.PNG", "1.png"], labels);
    }

    [Fact]
    public async Task Folder_frames_are_paced_on_the_time_provider()
    {
        using var folder = new TempFolder(nameof(Folder_frames_are_paced_on_the_time_provider));
        WriteImage(folder.File("1.png"), SKEncodedImageFormat.Png, SKColors.White);
        WriteImage(folder.File("2.png"), SKEncodedImageFormat.Png, SKColors.Black);
        var clock = new FakeTimeProvider();
        await using var source = new FolderFrameSource(
            "bench", new FolderFrameSourceOptions { Folder = folder.Path, Interval = TimeSpan.FromSeconds(1) }, clock, new RecordingLogger<FolderFrameSource>());
        await using var frames = source.ReadFramesAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await frames.MoveNextAsync().AsTask().WaitAsync(Patience));
        frames.Current.Dispose();

        var next = frames.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await next.WaitAsync(Patience));
        Assert.Equal("2.png", frames.Current.Label);
        frames.Current.Dispose();
    }

    [Fact]
    public void Missing_folder_is_refused_at_creation()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"alpr-missing-{Guid.NewGuid():N}");

        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            new FolderFrameSource("bench", new FolderFrameSourceOptions { Folder = missing }, TimeProvider.System, new RecordingLogger<FolderFrameSource>()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<Frame>> ReadAllAsync(FolderFrameSource source)
    {
        var frames = new List<Frame>();
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static void WriteImage(string path, SKEncodedImageFormat format, SKColor colour)
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(format, 90);
        File.WriteAllBytes(path, data.ToArray());
    }
}
