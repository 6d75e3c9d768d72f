using System.Text.Json.Nodes;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>
/// A temporary copy of the built models folder whose <c>manifest.json</c> is the committed text-line pair
/// (<c>manifest.text-lines.json</c>: int8 PP-OCRv4 text detector and int8 plate-rec, both with fp32 fallbacks; the default
/// until 2026-12-03, and the pair whose four files these precision tests need) and which a test rewrites
/// per role. <see cref="Undeclared"/> first strips <c>precision</c>, <c>cpuClasses</c> and <c>fallback</c> from every entry, so
/// each model starts as a plain fp32 entry that loads its own file on every CPU class, whatever the committed manifest declares;
/// a test then declares precision, verified CPU classes and an fp32 fallback for the roles it is about, or puts another int8
/// file in place.
/// </summary>
internal sealed class Int8ManifestFolder : IDisposable
{
    public const string PlateRecFp32 = "plate-rec/plate-rec.onnx";
    public const string PlateRecFp32Sha256 = "4364fed0c257b40ee076993c694e4409134f153cc733f1570d03a49ff3705227";

    /// <summary>The committed manifest this folder's <c>manifest.json</c> starts from.</summary>
    public const string TextLinePair = "manifest.text-lines.json";
    public const string DetectorFp32 = "ppocr-v4/ch_PP-OCRv4_det_infer.onnx";
    public const string DetectorFp32Sha256 = "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff";

    /// <summary>The manifest fields of the int8 runtime guard, which <see cref="Undeclare"/> removes.</summary>
    public static readonly string[] PrecisionFields = ["precision", "cpuClasses", "fallback"];

    private readonly ModelFolderCopy copy = new();

    private Int8ManifestFolder()
    {
        Manifest = JsonNode.Parse(File.ReadAllText(copy[TextLinePair]))!;
    }

    public string Path => copy.Path;

    public JsonNode Manifest { get; }

    public string this[string relative] => copy[relative];

    /// <summary>A copy whose <c>manifest.json</c> declares none of <see cref="PrecisionFields"/> on any model (saved).</summary>
    public static Int8ManifestFolder Undeclared()
    {
        var folder = new Int8ManifestFolder();
        try
        {
            foreach (var role in new[] { "detector", "recognizer" })
            {
                folder.Undeclare(role);
            }

            return folder.Save();
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public JsonNode Model(string role) => Manifest["models"]!.AsArray().Single(m => (string?)m!["role"] == role)!;

    /// <summary>Removes <see cref="PrecisionFields"/> from the <paramref name="role"/> model (an fp32 entry again); call <see cref="Save"/>.</summary>
    public Int8ManifestFolder Undeclare(string role)
    {
        var model = Model(role).AsObject();
        foreach (var field in PrecisionFields)
        {
            model.Remove(field);
        }

        return this;
    }

    /// <summary>
    /// Declares the <paramref name="role"/> model int8, verified on <paramref name="cpuClasses"/>, with an fp32 fallback (none when
    /// <paramref name="fallbackFile"/> is null), and saves.
    /// </summary>
    public Int8ManifestFolder DeclareInt8(string role, string[] cpuClasses, string? fallbackFile, string? fallbackSha256)
    {
        var model = Model(role).AsObject();
        model["precision"] = "int8";
        model["cpuClasses"] = new JsonArray([.. cpuClasses.Select(c => JsonValue.Create(c))]);
        if (fallbackFile is not null)
        {
            model["fallback"] = new JsonObject { ["file"] = fallbackFile, ["sha256"] = fallbackSha256 };
        }
        else
        {
            model.Remove("fallback");
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
