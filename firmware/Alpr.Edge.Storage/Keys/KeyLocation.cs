namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// Where the key-encryption key lives. A systemd credential (<c>$CREDENTIALS_DIRECTORY/alpr-edge-store-kek</c>)
/// wins when present; otherwise the owner-only file <c>keys/store.kek</c> in the data folder.
/// </summary>
/// <param name="Path">The key file.</param>
/// <param name="IsSystemdCredential">True when the key comes from systemd's credentials directory (read-only: no rotation here).</param>
public sealed record KeyLocation(string Path, bool IsSystemdCredential)
{
    /// <summary>Name of the systemd credential (<c>LoadCredential=alpr-edge-store-kek:/path</c>).</summary>
    public const string CredentialName = "alpr-edge-store-kek";

    /// <summary>Key file path relative to the data folder.</summary>
    public const string RelativeKeyFile = "keys/store.kek";

    /// <summary>Path of the next key while a rotation is in progress.</summary>
    public string NextPath => Path + ".next";

    /// <summary>Resolves the location for a data folder; <paramref name="credentialsDirectory"/> is <c>$CREDENTIALS_DIRECTORY</c>, if set.</summary>
    public static KeyLocation Resolve(string dataDirectory, string? credentialsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (!string.IsNullOrEmpty(credentialsDirectory))
        {
            var credential = System.IO.Path.Combine(credentialsDirectory, CredentialName);
            if (File.Exists(credential))
            {
                return new KeyLocation(credential, IsSystemdCredential: true);
            }
        }

        return new KeyLocation(System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, RelativeKeyFile)), IsSystemdCredential: false);
    }
}
