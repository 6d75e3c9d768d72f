using Alpr.Edge.Bridge.Keys;

namespace Alpr.Edge.Bridge.Evidence;

/// <summary>
/// The bridge's evidence key in its data folder: <c>evidence-signing.pem</c> (P-256, owner-only) signs each export's
/// manifest; <c>evidence-signing.pub.pem</c> is given to whoever checks an export (<c>alpr-bridge evidence verify</c>, or openssl).
/// </summary>
public static class EvidenceKey
{
    /// <summary>The evidence key files in <paramref name="dataDirectory"/>.</summary>
    public static SigningKeyFiles In(string dataDirectory) =>
        new(dataDirectory, "evidence-signing", "alpr-bridge evidence keygen");
}
