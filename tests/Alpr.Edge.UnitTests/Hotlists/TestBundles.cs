using System.Security.Cryptography;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Entries;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

/// <summary>A signing key and bundles signed with it.</summary>
internal sealed class TestBundles : IDisposable
{
    public TestBundles()
    {
        Key = SigningKeys.Create();
        Signer = new HotlistBundleSigner(Key);
    }

    public ECDsa Key { get; }

    public HotlistBundleSigner Signer { get; }

    public byte[] PublicKey => Key.ExportSubjectPublicKeyInfo();

    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    public static HotlistDocument Document(long version, params HotlistEntry[] entries) => new()
    {
        Schema = HotlistDocument.CurrentSchema,
        ListVersion = version,
        IssuedAt = Now,
        Issuer = "test-bridge",
        Entries = entries.Length == 0 ? [Entry("7ABC123")] : entries,
    };

    public byte[] Sign(long version, params HotlistEntry[] entries) => Signer.Sign(Document(version, entries));

    public void Dispose() => Key.Dispose();
}
