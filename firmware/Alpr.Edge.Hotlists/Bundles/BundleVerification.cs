namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>The outcome of verifying a bundle: the document, or why it was refused.</summary>
public sealed record BundleVerification
{
    /// <summary>The verified document when accepted.</summary>
    public HotlistDocument? Document { get; init; }

    /// <summary>Why it was refused, when it was.</summary>
    public BundleRejectionReason? Reason { get; init; }

    /// <summary>One line: what was accepted, or what was wrong.</summary>
    public required string Message { get; init; }

    /// <summary>The signing key's id, when the envelope named one.</summary>
    public string? KeyId { get; init; }

    /// <summary>True when <see cref="Document"/> may be installed.</summary>
    public bool IsAccepted => Document is not null && Reason is null;

    /// <summary>A refusal.</summary>
    public static BundleVerification Rejected(BundleRejectionReason reason, string message, string? keyId = null) =>
        new() { Reason = reason, Message = message, KeyId = keyId };
}
