using System.Diagnostics;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>A video file made by ffmpeg from rendered street frames (MPEG-4 Part 2 in MP4, 10 fps), deleted on dispose.</summary>
public sealed class TestVideo : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alpr-video-{Guid.NewGuid():N}");

    private TestVideo(IReadOnlyList<byte[]> frames)
    {
        Frames = frames;
        Path = System.IO.Path.Combine(_folder, "street.mp4");
    }

    public IReadOnlyList<byte[]> Frames { get; }

    public string Path { get; }

    public static async Task<TestVideo> CreateAsync(int frames)
    {
        var video = new TestVideo(RenderedFrames.Jpegs(frames));
        Directory.CreateDirectory(video._folder);
        for (var i = 0; i < frames; i++)
        {
            await File.WriteAllBytesAsync(System.IO.Path.Combine(video._folder, $"frame-{i:D3}.jpg"), video.Frames[i]);
        }

        await RunFfmpegAsync(
            "-hide_banner", "-loglevel", "error", "-y", "-framerate", "10", "-i", System.IO.Path.Combine(video._folder, "frame-%03d.jpg"),
            "-c:v", "mpeg4", "-q:v", "2", "-g", "5", "-pix_fmt", "yuv420p", video.Path);
        return video;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static async Task RunFfmpegAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {errors}");
    }
}
