using System.Text.Json.Nodes;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>
/// A temporary model folder whose <c>manifest.json</c> pairs the fixture plate-region detector (<c>Fixtures/plate-det.fixture.onnx</c>,
/// <c>decoder.regions</c> "plates") with the committed fp32 plate reader, its entry taken unchanged from <c>manifest.fp32.json</c>.
/// The fixture's map covers a light plate itself rather than a shrunk core, so its entry declares a small <c>unclipRatio</c>.
/// </summary>
internal sealed class PlateRegionsModelFolder : IDisposable
{
    public const string DetectorFile = "plate-det/plate-det.fixture.onnx";

    private PlateRegionsModelFolder()
    {
        Path = Directory.CreateTempSubdirectory("alpr-plate-det-").FullName;
        var fixture = System.IO.Path.Combine(AppContext.BaseDirectory, "Recognition", "Fixtures", "plate-det.fixture.onnx");
        Directory.CreateDirectory(this["plate-det"]);
        File.Copy(fixture, this[DetectorFile]);
        var fp32 = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(FetchedModels.Directory, "manifest.fp32.json")))!;
        var recognizer = fp32["models"]!.AsArray().Single(m => (string?)m!["role"] == "recognizer")!.DeepClone();
        var recognizerFile = (string)recognizer["file"]!;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(this[recognizerFile])!);
        File.Copy(System.IO.Path.Combine(FetchedModels.Directory, recognizerFile), this[recognizerFile]);
        Detector = JsonNode.Parse($$"""
            {
              "name": "plate-det-fixture", "role": "detector", "file": "{{DetectorFile}}",
              "sha256": "{{Alpr.Edge.Recognition.Models.ModelManifestLoader.ComputeSha256(this[DetectorFile])}}",
              "inputShape": [-1, 3, -1, -1],
              "normalization": { "channelOrder": "BGR", "scale": 0.00392156862745098, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225] },
              "decoder": {
                "type": "db", "regions": "plates", "maxSide": 512, "sizeMultiple": 32, "threshold": 0.3, "boxThreshold": 0.5,
                "unclipRatio": 0.1, "minSide": 2, "platePadX": 0.06, "platePadY": 0.12
              }
            }
            """)!;
        Manifest = new JsonObject { ["formatVersion"] = 1, ["models"] = new JsonArray(Detector, recognizer) };
    }

    public string Path { get; }

    public JsonNode Manifest { get; }

    /// <summary>The detector entry; edit it, then <see cref="Save"/>.</summary>
    public JsonNode Detector { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>A folder with the manifest saved as described above.</summary>
    public static PlateRegionsModelFolder Create()
    {
        var folder = new PlateRegionsModelFolder();
        try
        {
            return folder.Save();
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public PlateRegionsModelFolder Save()
    {
        File.WriteAllText(this["manifest.json"], Manifest.ToJsonString());
        return this;
    }

    public OnnxPlateRecognizer OpenRecognizer() => new(
        Options.Create(new RecognitionOptions { ModelDirectory = Path, IntraOpThreads = 1 }),
        NullLogger<OnnxPlateRecognizer>.Instance);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
