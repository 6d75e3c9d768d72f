using System.Security.Cryptography;
using System.Text.Json;

namespace Alpr.Edge.Bridge.Evidence;

/// <summary>
/// Checks an evidence export: the manifest's signature against a public key, then every file the manifest lists
/// (missing, or changed: size or SHA-256), then every file it does not list (added). One line per problem.
/// </summary>
public static class EvidenceVerifier
{
    /// <summary>
    /// The problems of the export in <paramref name="folder"/> checked against the P-256 public key
    /// <paramref name="publicKeyPem"/> (empty when it is intact), and its manifest when it could be read.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Problems, EvidenceManifest? Manifest)> VerifyAsync(
        string folder, string publicKeyPem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        var root = Path.GetFullPath(folder);
        var problems = new List<string>();
        var manifestPath = Path.Combine(root, EvidenceExporter.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            problems.Add($"missing: {EvidenceExporter.ManifestFileName} (not an evidence export, or its manifest was removed)");
            return (problems, null);
        }

        var manifestBytes = await File.ReadAllBytesAsync(manifestPath, cancellationToken);
        problems.AddRange(await CheckSignatureAsync(root, manifestBytes, publicKeyPem, cancellationToken));
        EvidenceManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, EvidenceJson.Default.EvidenceManifest);
        }
        catch (JsonException ex)
        {
            problems.Add($"changed: {EvidenceExporter.ManifestFileName} is not a valid manifest ({ex.Message})");
            return (problems, null);
        }

        if (manifest is null || manifest.Schema != EvidenceManifest.CurrentSchema)
        {
            problems.Add($"changed: {EvidenceExporter.ManifestFileName} is not a {EvidenceManifest.CurrentSchema} manifest");
            return (problems, manifest);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            listed.Add(file.Path);
            var path = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"changed: {EvidenceExporter.ManifestFileName} lists '{file.Path}', outside the export folder");
            }
            else if (!File.Exists(path))
            {
                problems.Add($"missing: {file.Path}");
            }
            else
            {
                problems.AddRange(await CheckFileAsync(path, file, cancellationToken));
            }
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative is not (EvidenceExporter.ManifestFileName or EvidenceExporter.SignatureFileName) && !listed.Contains(relative))
            {
                problems.Add($"added: {relative} (not in the manifest)");
            }
        }

        return (problems, manifest);
    }

    private static async Task<IEnumerable<string>> CheckSignatureAsync(string root, byte[] manifestBytes, string publicKeyPem, CancellationToken cancellationToken)
    {
        var signaturePath = Path.Combine(root, EvidenceExporter.SignatureFileName);
        if (!File.Exists(signaturePath))
        {
            return [$"signature: missing ({EvidenceExporter.SignatureFileName})"];
        }

        var signature = await File.ReadAllBytesAsync(signaturePath, cancellationToken);
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return key.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? []
            : [$"signature: bad ({EvidenceExporter.ManifestFileName} was changed, or it was not signed by this public key)"];
    }

    private static async Task<IEnumerable<string>> CheckFileAsync(string path, EvidenceFile file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.LongLength != file.Size)
        {
            return [$"changed: {file.Path} ({bytes.LongLength} bytes, the manifest says {file.Size})"];
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return sha256 == file.Sha256 ? [] : [$"changed: {file.Path} (SHA-256 {sha256}, the manifest says {file.Sha256})"];
    }
}
