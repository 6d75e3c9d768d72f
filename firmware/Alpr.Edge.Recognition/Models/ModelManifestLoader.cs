using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Alpr.Edge.Recognition.Cpu;

namespace Alpr.Edge.Recognition.Models;

/// <summary>
/// Reads a model folder's <c>manifest.json</c>, checks it is complete, chooses per model the int8 file or its fp32 fallback
/// (<see cref="PrecisionChoice"/>) and checks that every file to be loaded has its recorded SHA-256.
/// </summary>
public static class ModelManifestLoader
{
    private const string FetchHint = "run scripts/fetch-models, or point Recognition:ModelDirectory at a folder with a manifest.json";

    /// <summary>Loads and verifies the manifest in <paramref name="directory"/>; throws <see cref="ModelManifestException"/> naming what is wrong.</summary>
    public static ModelSet Load(string directory) => Load(directory, ModelManifest.FileName);

    /// <summary>
    /// Loads and verifies the manifest <paramref name="manifestFile"/> (a file name, such as <c>manifest.fp32.json</c>) in
    /// <paramref name="directory"/> for this machine's CPU class under <see cref="RecognitionPrecision.Auto"/>; throws
    /// <see cref="ModelManifestException"/> naming what is wrong.
    /// </summary>
    public static ModelSet Load(string directory, string manifestFile) => Load(directory, manifestFile, CpuClassProbe.Detect(), RecognitionPrecision.Auto);

    /// <summary>
    /// Loads and verifies the manifest <paramref name="manifestFile"/> in <paramref name="directory"/>, choosing each model's file for
    /// <paramref name="cpu"/> under <paramref name="precision"/>; throws <see cref="ModelManifestException"/> naming what is wrong.
    /// Only the files chosen are verified: a fallback that is not chosen may be missing.
    /// </summary>
    public static ModelSet Load(string directory, string manifestFile, CpuClassReading cpu, RecognitionPrecision precision)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(manifestFile);
        ArgumentNullException.ThrowIfNull(cpu);
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
        CheckRegions(detector, manifestPath);
        if (recognizer.Decoder.Dictionary is null && (string.IsNullOrEmpty(recognizer.Decoder.Alphabet) || recognizer.Decoder.AppendSpace))
        {
            throw new ModelManifestException(
                $"{manifestPath}: recognizer '{recognizer.Name}' needs a decoder.dictionary, or its classes inline as decoder.alphabet (blank first) without appendSpace");
        }

        foreach (var model in new[] { detector, recognizer })
        {
            CheckNormalization(model, manifestPath);
            CheckPrecision(model, manifestPath);
        }

        var set = new ModelSet(
            root, PrecisionChoice.Choose(detector, cpu.Class, precision), PrecisionChoice.Choose(recognizer, cpu.Class, precision), cpu);
        foreach (var choice in set.Choices)
        {
            if (choice.IsFallback)
            {
                VerifyFallback(set, choice);
            }
            else
            {
                VerifyFile(set, choice.Loaded.File, choice.Loaded.Sha256);
            }
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

    private static void CheckRegions(ManifestModel detector, string manifestPath)
    {
        var decoder = detector.Decoder;
        if (decoder.Regions is not (ManifestDecoder.TextLineRegions or ManifestDecoder.PlateRegions))
        {
            throw new ModelManifestException(
                $"{manifestPath}: detector '{detector.Name}' has decoder.regions '{decoder.Regions ?? "null"}'; use \"{ManifestDecoder.TextLineRegions}\" "
                + $"(a map of text lines, the plates chosen among them; the default) or \"{ManifestDecoder.PlateRegions}\" (a map of whole plates)");
        }

        if (decoder.BoxScore is not (ManifestDecoder.RectangleBoxScore or ManifestDecoder.ComponentBoxScore))
        {
            throw new ModelManifestException(
                $"{manifestPath}: detector '{detector.Name}' has decoder.boxScore '{decoder.BoxScore ?? "null"}'; use \"{ManifestDecoder.RectangleBoxScore}\" "
                + $"(mean probability over the box's rectangle; the default) or \"{ManifestDecoder.ComponentBoxScore}\" (mean over the region's own pixels)");
        }

        if (decoder.LargestInput != 0 && decoder.LargestInput < decoder.MaxSide)
        {
            throw new ModelManifestException(
                $"{manifestPath}: detector '{detector.Name}' has decoder.largestInput {decoder.LargestInput}, below its maxSide {decoder.MaxSide}; "
                + "use 0 (no limit) or at least maxSide (the longest input side the model still works at)");
        }

        foreach (var (key, value, side) in new[] { ("platePadX", decoder.PlatePadX, "width"), ("platePadY", decoder.PlatePadY, "height") })
        {
            if (value is not (>= 0 and <= ManifestDecoder.MaxPlatePad))
            {
                throw new ModelManifestException(
                    $"{manifestPath}: detector '{detector.Name}' has decoder.{key} {value.ToString(CultureInfo.InvariantCulture)}; "
                    + $"use 0 to {ManifestDecoder.MaxPlatePad.ToString(CultureInfo.InvariantCulture)} (the fraction of the plate box's {side} added on each side)");
            }
        }
    }

    private static void CheckNormalization(ManifestModel model, string manifestPath)
    {
        var n = model.Normalization;
        if (n.ChannelOrder is not ("RGB" or "BGR") || n.Mean.Count != 3 || n.Std.Count != 3 || n.Std.Any(s => s <= 0))
        {
            throw new ModelManifestException($"{manifestPath}: model '{model.Name}' needs normalization.channelOrder RGB or BGR and three means and three positive stds");
        }
    }

    private static void CheckPrecision(ManifestModel model, string manifestPath)
    {
        var precision = ModelPrecisions.Of(model);
        if (precision is not (ModelPrecisions.Int8 or ModelPrecisions.Fp32))
        {
            throw new ModelManifestException(
                $"{manifestPath}: model '{model.Name}' has precision '{model.Precision}'; use \"{ModelPrecisions.Int8}\" or \"{ModelPrecisions.Fp32}\" (absent means fp32)");
        }

        if (precision == ModelPrecisions.Fp32 && (model.CpuClasses is not null || model.Fallback is not null))
        {
            throw new ModelManifestException(
                $"{manifestPath}: model '{model.Name}' is fp32 but has cpuClasses or fallback, which describe an int8 file; set \"precision\": \"int8\" or remove them");
        }

        var unknown = (model.CpuClasses ?? []).Where(c => !CpuClasses.IsKnown(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ModelManifestException(
                $"{manifestPath}: model '{model.Name}' lists unknown CPU class '{unknown[0] ?? "null"}' in cpuClasses; use {string.Join(", ", CpuClasses.All)}");
        }

        if (model.Fallback is { } fallback && (string.IsNullOrWhiteSpace(fallback.File) || string.IsNullOrWhiteSpace(fallback.Sha256)))
        {
            throw new ModelManifestException($"{manifestPath}: model '{model.Name}' has a fallback without file or sha256; give both (the fp32 model loaded in its place)");
        }
    }

    private static void VerifyFallback(ModelSet set, ModelChoice choice)
    {
        var why = $"chosen for '{choice.Declared.Name}' because {choice.Reason}";
        var instead = $"or set {RecognitionOptions.SectionName}:Precision=Int8 to load the int8 file {choice.Declared.File} anyway";
        VerifyFile(
            set,
            choice.Loaded.File,
            choice.Loaded.Sha256,
            new FileChecks(
                "fp32 fallback model file",
                Outside: $" ({why}); fix the manifest's fallback.file",
                Missing: $" ({why}); run scripts/fetch-models, {instead}",
                Mismatch: $" ({why}); run scripts/fetch-models, {instead}"));
    }

    private static void VerifyFile(ModelSet set, string relativeFile, string expectedSha256, FileChecks? checks = null)
    {
        var c = checks ?? FileChecks.Model;
        var path = set.PathOf(relativeFile);
        if (!path.StartsWith(set.Directory, StringComparison.Ordinal))
        {
            throw new ModelManifestException($"{c.What} {relativeFile} lies outside the model folder {set.Directory}{c.Outside}");
        }

        if (!File.Exists(path))
        {
            throw new ModelManifestException($"{c.What} missing: {path}{c.Missing}");
        }

        var actual = ComputeSha256(path);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelManifestException($"{c.What} {path} fails its checksum: expected sha256 {expectedSha256}, actual {actual}; refusing to load it{c.Mismatch}");
        }
    }

    /// <summary>How a verified file is named in messages, and what each failure adds (reason and fix).</summary>
    private sealed record FileChecks(string What, string Outside, string Missing, string Mismatch)
    {
        public static readonly FileChecks Model = new("model file", string.Empty, $" ({FetchHint})", string.Empty);
    }
}
