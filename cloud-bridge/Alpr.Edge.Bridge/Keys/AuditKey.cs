using System.Security.Cryptography;
using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Hotlists.Bundles;

namespace Alpr.Edge.Bridge.Keys;

/// <summary>
/// The bridge's audit key in its data folder: <c>audit-signing.pem</c> (P-256, owner-only, created on first start)
/// signs the audit trail's checkpoints; <c>audit-signing.pub.pem</c> is what <c>alpr-bridge audit verify</c> checks them with.
/// </summary>
public static class AuditKey
{
    /// <summary>The audit key files in <paramref name="dataDirectory"/>.</summary>
    public static SigningKeyFiles In(string dataDirectory) =>
        new(dataDirectory, "audit-signing", "alpr-bridge run (the bridge creates its audit key on first start)");

    /// <summary>Loads the audit key from <paramref name="dataDirectory"/>, creating it first when there is none.</summary>
    public static AuditSigningKey LoadOrCreate(string dataDirectory)
    {
        var files = In(dataDirectory);
        if (!File.Exists(files.PrivatePath))
        {
            Directory.CreateDirectory(dataDirectory);
            files.Create(replace: false, "auditors verifying the trail hold");
        }

        var key = files.Load();
        return new AuditSigningKey(key, SigningKeys.KeyId(key));
    }

    /// <summary>The audit public key from <paramref name="publicKeyPath"/>; throws <see cref="IOException"/> with the reason.</summary>
    public static ECDsa LoadPublic(string publicKeyPath)
    {
        if (!File.Exists(publicKeyPath))
        {
            throw new IOException($"no audit public key '{publicKeyPath}' (the bridge creates audit-signing.pub.pem in its data folder on first start)");
        }

        var key = SigningKeys.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(publicKeyPath));
            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new IOException($"'{publicKeyPath}' is not a P-256 public key PEM: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
