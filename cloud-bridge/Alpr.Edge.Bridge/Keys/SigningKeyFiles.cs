using System.Security.Cryptography;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.Bridge.Keys;

/// <summary>
/// A P-256 key pair the bridge keeps in its data folder: <c>{name}.pem</c> (PKCS#8, created owner-only, refused when
/// others can read it, never leaves the bridge) and <c>{name}.pub.pem</c> (the public key others are given).
/// The hot-list signing key and the evidence key are two of these.
/// </summary>
public sealed class SigningKeyFiles
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _keygenCommand;

    /// <summary>The key named <paramref name="name"/> in <paramref name="dataDirectory"/>; <paramref name="keygenCommand"/> is the command that creates it, named in errors.</summary>
    public SigningKeyFiles(string dataDirectory, string name, string keygenCommand)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        PrivatePath = Path.Combine(dataDirectory, name + ".pem");
        PublicPath = Path.Combine(dataDirectory, name + ".pub.pem");
        _keygenCommand = keygenCommand;
    }

    /// <summary>Path of the private key.</summary>
    public string PrivatePath { get; }

    /// <summary>Path of the public key.</summary>
    public string PublicPath { get; }

    /// <summary>
    /// Creates a new key pair and returns its id; refuses to replace an existing key unless <paramref name="replace"/>
    /// (<paramref name="whoTrustsIt"/> says who holds the public key, for the message).
    /// </summary>
    public string Create(bool replace, string whoTrustsIt)
    {
        if (File.Exists(PrivatePath) && !replace)
        {
            throw new IOException($"'{PrivatePath}' exists; {whoTrustsIt} its public key. Pass --force to replace it (then give them the new {Path.GetFileName(PublicPath)})");
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
            throw new IOException($"no signing key '{PrivatePath}'; create one with '{_keygenCommand}'");
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
