namespace Alpr.Edge.Storage.Outbox;

/// <summary>
/// Record ids as stored: the 16 bytes in big-endian (RFC 9562) order, so version-7 ids (which the firmware
/// mints) sort by time and the id index grows at its end instead of at random pages.
/// </summary>
internal static class RecordIds
{
    public static byte[] ToBytes(Guid id) => id.ToByteArray(bigEndian: true);

    public static Guid FromBytes(byte[] bytes) => new(bytes, bigEndian: true);
}
