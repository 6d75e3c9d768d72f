using System.Security.Cryptography;
using Alpr.Edge.Bridge.Keys;

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

    private readonly SigningKeyFiles _files;

    /// <summary>The key files in <paramref name="dataDirectory"/>.</summary>
    public HotlistSigningKey(string dataDirectory) =>
        _files = new SigningKeyFiles(dataDirectory, "hotlist-signing", "alpr-bridge hotlist keygen");

    /// <summary>Path of the private key.</summary>
    public string PrivatePath => _files.PrivatePath;

    /// <summary>Path of the public key.</summary>
    public string PublicPath => _files.PublicPath;

    /// <summary>Creates a new P-256 key pair and returns its id; refuses to replace an existing key unless <paramref name="replace"/>.</summary>
    public string Create(bool replace) => _files.Create(replace, "devices trust");

    /// <summary>Loads the private key; throws <see cref="IOException"/> with the fix when it is missing or readable by others.</summary>
    public ECDsa Load() => _files.Load();
}
