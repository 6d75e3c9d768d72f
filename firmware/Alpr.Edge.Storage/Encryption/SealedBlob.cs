namespace Alpr.Edge.Storage.Encryption;

/// <summary>Layout of a sealed blob: <c>nonce (12) | tag (16) | ciphertext</c>.</summary>
internal static class SealedBlob
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;
    public const int OverheadBytes = NonceBytes + TagBytes;
}
