namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>Why a bundle was not installed.</summary>
public enum BundleRejectionReason
{
    /// <summary>Larger than allowed, compressed or not.</summary>
    Oversized,

    /// <summary>Not JSON, or not decompressible.</summary>
    Malformed,

    /// <summary>JSON, but not the expected format, schema, algorithm or members.</summary>
    WrongSchema,

    /// <summary>No signature.</summary>
    NotSigned,

    /// <summary>Signed by a key this device does not trust.</summary>
    UnknownKey,

    /// <summary>The signature does not verify over the payload.</summary>
    BadSignature,

    /// <summary>An entry or the list metadata breaks a rule (named in the message).</summary>
    InvalidContent,

    /// <summary>An older version than the one running.</summary>
    Rollback,

    /// <summary>The version running already (not an error; nothing to do).</summary>
    AlreadyRunning,
}
