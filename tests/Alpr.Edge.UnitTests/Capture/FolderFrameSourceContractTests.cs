using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Folders;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class FolderFrameSourceContractTests : FrameSourceContractTests, IDisposable
{
    private readonly TempFolder _folder = new(nameof(FolderFrameSourceContractTests));

    public FolderFrameSourceContractTests()
    {
        for (var i = 0; i < 3; i++)
        {
            using var bitmap = new SKBitmap(32, 24);
            bitmap.Erase(new SKColor((byte)(i * 80), 40, 40));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
            File.WriteAllBytes(_folder.File($"shot-{i}.png"), data.ToArray());
        }
    }

    public void Dispose() => _folder.Dispose();

    protected override IFrameSource CreateSource(string camera, TimeProvider clock) =>
        new FolderFrameSource(camera, new FolderFrameSourceOptions { Folder = _folder.Path, Interval = TimeSpan.Zero }, clock, new RecordingLogger<FolderFrameSource>());
}
