using System.Text.Json.Nodes;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>
/// A temporary copy of the built models folder whose <c>manifest.json</c> (the committed int8 set) a test edits per role:
/// declare precision, verified CPU classes and an fp32 fallback, or put another int8 file in place.
/// </summary>
internal sealed class Int8ManifestFolder : IDisposable
{
    public const string PlateRecFp32 = "plate-rec/plate-rec.onnx";
    public const string PlateRecFp32Sha256 = "e90e801382216d096f787603d8693fc76daefd42292f2305f781bc2705784278";
    public const string DetectorFp32 = "ppocr-v4/ch_PP-OCRv4_det_infer.onnx";
    public const string DetectorFp32Sha256 = "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff";

    private readonly ModelFolderCopy copy = new();

    public Int8ManifestFolder()
    {
        Manifest = JsonNode.Parse(File.ReadAllText(copy["manifest.json"]))!;
    }

    public string Path => copy.Path;

    public JsonNode Manifest { get; }

    public string this[string relative] => copy[relative];

    public JsonNode Model(string role) => Manifest["models"]!.AsArray().Single(m => (string?)m!["role"] == role)!;

    /// <summary>Declares the <paramref name="role"/> model int8, verified on <paramref name="cpuClasses"/>, with an fp32 fallback (if given), and saves.</summary>
    public Int8ManifestFolder DeclareInt8(string role, string[] cpuClasses, string? fallbackFile, string? fallbackSha256)
    {
        var model = Model(role);
        model["precision"] = "int8";
        model["cpuClasses"] = new JsonArray([.. cpuClasses.Select(c => JsonValue.Create(c))]);
        if (fallbackFile is not null)
        {
            model["fallback"] = new JsonObject { ["file"] = fallbackFile, ["sha256"] = fallbackSha256 };
        }

        return Save();
    }

    /// <summary>The committed int8 plate reader, verified on the VNNI and ARM classes, with the committed fp32 plate-rec as its fallback.</summary>
    public Int8ManifestFolder DeclarePlateRecInt8WithFallback() =>
        DeclareInt8("recognizer", ["x86-64-vnni", "arm64-dotprod", "arm64"], PlateRecFp32, PlateRecFp32Sha256);

    public Int8ManifestFolder Save()
    {
        File.WriteAllText(copy["manifest.json"], Manifest.ToJsonString());
        return this;
    }

    public void Dispose() => copy.Dispose();
}
