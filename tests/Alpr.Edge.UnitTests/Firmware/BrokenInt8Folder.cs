using Alpr.Edge.Recognition.Models;
using Alpr.Edge.UnitTests.Recognition;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>
/// A model folder whose manifest names the deliberately broken int8 plate reader (Recognition/Fixtures/plate-rec.broken-int8.onnx)
/// as the recogniser, verified on the VNNI and ARM classes, with the committed fp32 plate-rec as its fallback; the detector is a plain
/// fp32 entry (<see cref="Int8ManifestFolder.Undeclared"/>), whatever the committed manifest declares for it.
/// </summary>
internal static class BrokenInt8Folder
{
    public const string File = "plate-rec/plate-rec.broken-int8.onnx";

    public static Int8ManifestFolder Create()
    {
        var folder = Int8ManifestFolder.Undeclared();
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Recognition", "Fixtures", "plate-rec.broken-int8.onnx"), folder[File]);
        var recognizer = folder.Model("recognizer");
        recognizer["file"] = File;
        recognizer["sha256"] = ModelManifestLoader.ComputeSha256(folder[File]);
        return folder.DeclarePlateRecInt8WithFallback();
    }
}
