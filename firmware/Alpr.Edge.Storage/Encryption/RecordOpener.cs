using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>Opens sealed blobs; every failure comes back as a one-line reason, never an exception.</summary>
internal static class RecordOpener
{
    public static bool TryOpenRecord(KeyRing keys, Guid id, RecordKind kind, long keyId, byte[] blob, out byte[] wireJson, out GeoPosition? site, out string reason)
    {
        wireJson = [];
        site = null;
        if (!keys.TryGet(keyId, out var cipher))
        {
            reason = $"data key {keyId} is not in the key table";
            return false;
        }

        if (!cipher!.TryOpen(id, kind, RecordPart.Record, blob, out var plaintext))
        {
            reason = "record blob fails authentication (damaged or moved)";
            return false;
        }

        if (!PayloadCodec.TryDecodeRecord(plaintext, out wireJson, out site))
        {
            reason = "record blob decrypts but its layout is unknown";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    public static bool TryOpenImages(KeyRing keys, Guid id, long keyId, byte[] blob, out byte[] crop, out byte[] overview, out string reason)
    {
        crop = [];
        overview = [];
        if (!keys.TryGet(keyId, out var cipher))
        {
            reason = $"data key {keyId} is not in the key table";
            return false;
        }

        if (!cipher!.TryOpen(id, RecordKind.Read, RecordPart.Images, blob, out var plaintext))
        {
            reason = "image blob fails authentication (damaged or moved)";
            return false;
        }

        if (!PayloadCodec.TryDecodeImages(plaintext, out crop, out overview))
        {
            reason = "image blob decrypts but its layout is unknown";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
