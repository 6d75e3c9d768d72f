using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.Storage;

/// <summary>How to open an <see cref="EncryptedStore"/>.</summary>
public sealed record EncryptedStoreOptions
{
    /// <summary>The data folder (<c>--data DIR</c>): holds <c>store.db</c> and, unless a systemd credential is used, <c>keys/store.kek</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The device id bound into every blob; a new store records it, an existing one keeps the one it was created with.</summary>
    public required string DeviceId { get; init; }

    /// <summary>Ring settings (budget, age, purge batch).</summary>
    public RingOptions Ring { get; init; } = new();

    /// <summary>Where the device key is; null resolves it from <see cref="DataDirectory"/> and <c>$CREDENTIALS_DIRECTORY</c>.</summary>
    public KeyLocation? KeyLocation { get; init; }

    /// <summary>Creates the device key for a new store when none is provisioned (development; provisioning writes it on a pole).</summary>
    public bool CreateKeyIfMissing { get; init; } = true;

    /// <summary>The key location in effect.</summary>
    public KeyLocation ResolveKeyLocation()
        => KeyLocation ?? KeyLocation.Resolve(DataDirectory, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));
}
