using System.Security.Cryptography;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.Bridge.Hotlists;

/// <summary>
/// The bridge's hot-list signing key in its data folder: <c>hotlist-signing.pem</c> (PKCS#8, owner-only, never
/// leaves the bridge) and <c>hotlist-signing.pub.pem</c> (the public key devices are configured to trust).
/// </summary>
public sealed class HotlistSigningKey
{
    /// <summary>File name of the private key.</summary>
    public const string PrivateFileName = "hotlist-signing.pem";

    /// <summary>File name of the public key.</summary>
    public const string PublicFileName = "hotlist-signing.pub.pem";

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The key files in <paramref name="dataDirectory"/>.</summary>
    public HotlistSigningKey(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        PrivatePath = Path.Combine(dataDirectory, PrivateFileName);
        PublicPath = Path.Combine(dataDirectory, PublicFileName);
    }

    /// <summary>Path of the private key.</summary>
    public string PrivatePath { get; }

    /// <summary>Path of the public key.</summary>
    public string PublicPath { get; }

    /// <summary>Creates a new P-256 key pair and returns its id; refuses to replace an existing key unless <paramref name="replace"/>.</summary>
    public string Create(bool replace)
    {
        if (File.Exists(PrivatePath) && !replace)
        {
            throw new IOException($"'{PrivatePath}' exists; devices trust its public key. Pass --force to replace it (then give devices the new {PublicFileName})");
        }

        using var key = SigningKeys.Create();
        var privatePem = System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem());
        try
        {
            AtomicFile.WriteAllBytes(PrivatePath, privatePem, ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privatePem);
        }

        AtomicFile.WriteAllBytes(PublicPath, System.Text.Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem()));
        return SigningKeys.KeyId(key);
    }

    /// <summary>Loads the private key; throws <see cref="IOException"/> with the fix when it is missing or readable by others.</summary>
    public ECDsa Load()
    {
        if (!File.Exists(PrivatePath))
        {
            throw new IOException($"no signing key '{PrivatePath}'; create one with 'alpr-bridge hotlist keygen'");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(PrivatePath) & GroupOrOther) != 0)
        {
            throw new IOException($"signing key '{PrivatePath}' can be read by other users; run 'chmod 600 {PrivatePath}'");
        }

        var key = SigningKeys.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(PrivatePath));
            return key;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new IOException($"signing key '{PrivatePath}' is not a P-256 private key PEM: {ex.Message}", ex);
        }
    }
}
