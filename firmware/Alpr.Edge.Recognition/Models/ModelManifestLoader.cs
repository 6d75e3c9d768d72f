using System.Security.Cryptography;
using System.Text.Json;

namespace Alpr.Edge.Recognition.Models;

/// <summary>Reads a model folder's <c>manifest.json</c>, checks it is complete and that every file has its recorded SHA-256.</summary>
public static class ModelManifestLoader
{
    private const string FetchHint = "run scripts/fetch-models, or point Recognition:ModelDirectory at a folder with a manifest.json";

    /// <summary>Loads and verifies the manifest in <paramref name="directory"/>; throws <see cref="ModelManifestException"/> naming what is wrong.</summary>
    public static ModelSet Load(string directory) => Load(directory, ModelManifest.FileName);

    /// <summary>
    /// Loads and verifies the manifest <paramref name="manifestFile"/> (a file name, such as <c>manifest.fp32.json</c>) in
    /// <paramref name="directory"/>; throws <see cref="ModelManifestException"/> naming what is wrong.
    /// </summary>
    public static ModelSet Load(string directory, string manifestFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(manifestFile);
        var root = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(root, manifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new ModelManifestException($"model manifest not found: {manifestPath} ({FetchHint})");
        }

        var manifest = Parse(manifestPath);
        if (manifest.FormatVersion != 1)
        {
            throw new ModelManifestException($"{manifestPath}: formatVersion {manifest.FormatVersion} is not supported (expected 1)");
        }

        var detector = Single(manifest, ModelRoles.Detector, ManifestDecoder.DifferentiableBinarization, manifestPath);
        var recognizer = Single(manifest, ModelRoles.Recognizer, ManifestDecoder.Ctc, manifestPath);
        if (recognizer.Decoder.Dictionary is null && (string.IsNullOrEmpty(recognizer.Decoder.Alphabet) || recognizer.Decoder.AppendSpace))
        {
            throw new ModelManifestException(
                $"{manifestPath}: recognizer '{recognizer.Name}' needs a decoder.dictionary, or its classes inline as decoder.alphabet (blank first) without appendSpace");
        }

        var set = new ModelSet(root, detector, recognizer);
        foreach (var model in new[] { detector, recognizer })
        {
            CheckNormalization(model, manifestPath);
            VerifyFile(set, model.File, model.Sha256);
        }

        if (recognizer.Decoder.Dictionary is { } dictionary)
        {
            VerifyFile(set, dictionary.File, dictionary.Sha256);
        }

        return set;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static ModelManifest Parse(string manifestPath)
    {
        try
        {
            using var stream = File.OpenRead(manifestPath);
            return JsonSerializer.Deserialize(stream, ManifestJsonContext.Default.ModelManifest)
                ?? throw new ModelManifestException($"{manifestPath}: empty manifest");
        }
        catch (JsonException ex)
        {
            throw new ModelManifestException($"{manifestPath}: invalid manifest: {ex.Message}", ex);
        }
    }

    private static ManifestModel Single(ModelManifest manifest, string role, string decoderType, string manifestPath)
    {
        var matches = manifest.Models.Where(m => m.Role == role).ToList();
        if (matches.Count != 1)
        {
            throw new ModelManifestException($"{manifestPath}: expected exactly one model with role '{role}', found {matches.Count}");
        }

        var model = matches[0];
        if (model.Decoder.Type != decoderType)
        {
            throw new ModelManifestException($"{manifestPath}: {role} '{model.Name}' has decoder '{model.Decoder.Type}', this firmware supports '{decoderType}'");
        }

        if (model.InputShape.Count != 4 || model.InputShape[1] != 3)
        {
            throw new ModelManifestException($"{manifestPath}: {role} '{model.Name}' must declare an NCHW input shape with 3 channels, got [{string.Join(", ", model.InputShape)}]");
        }

        return model;
    }

    private static void CheckNormalization(ManifestModel model, string manifestPath)
    {
        var n = model.Normalization;
        if (n.ChannelOrder is not ("RGB" or "BGR") || n.Mean.Count != 3 || n.Std.Count != 3 || n.Std.Any(s => s <= 0))
        {
            throw new ModelManifestException($"{manifestPath}: model '{model.Name}' needs normalization.channelOrder RGB or BGR and three means and three positive stds");
        }
    }

    private static void VerifyFile(ModelSet set, string relativeFile, string expectedSha256)
    {
        var path = set.PathOf(relativeFile);
        if (!path.StartsWith(set.Directory, StringComparison.Ordinal))
        {
            throw new ModelManifestException($"model file {relativeFile} lies outside the model folder {set.Directory}");
        }

        if (!File.Exists(path))
        {
            throw new ModelManifestException($"model file missing: {path} ({FetchHint})");
        }

        var actual = ComputeSha256(path);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelManifestException($"model file {path} fails its checksum: expected sha256 {expectedSha256}, actual {actual}; refusing to load it");
        }
    }
}
