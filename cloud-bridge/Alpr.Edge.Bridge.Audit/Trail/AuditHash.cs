using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Trail;

/// <summary>
/// The chain's hash: SHA-256 over an entry's canonical bytes, which are unambiguous (each field length-prefixed, null
/// distinct from empty) and cover every field and the previous entry's hash. See <c>docs/audit.md</c> for the layout.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry: 32 zero bytes, as hex.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] EntryDomain = Encoding.ASCII.GetBytes("alpr-audit-entry/1\n");

    /// <summary>The hash <paramref name="entry"/> must carry, computed from its fields (its own hash is ignored).</summary>
    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var bytes = new MemoryStream();
        bytes.Write(EntryDomain);
        WriteInt64(bytes, entry.Sequence);
        WriteInt64(bytes, ToUnixMicroseconds(entry.At));
        foreach (var field in new[]
                 {
                     entry.User, entry.Agency, entry.RemoteAddress, entry.Action, entry.Outcome,
                     entry.Purpose, entry.CaseNumber, entry.Target, entry.Detail,
                 })
        {
            WriteText(bytes, field);
        }

        WriteText(bytes, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    /// <summary><paramref name="time"/> cut to the microsecond both engines keep.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Microseconds since the Unix epoch (UTC).</summary>
    internal static long ToUnixMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>Appends a big-endian 64-bit integer.</summary>
    internal static void WriteInt64(Stream stream, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        stream.Write(buffer);
    }

    /// <summary>Appends 0x00 for null, else 0x01, the UTF-8 length (big-endian 32-bit) and the UTF-8 bytes.</summary>
    internal static void WriteText(Stream stream, string? text)
    {
        if (text is null)
        {
            stream.WriteByte(0);
            return;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
        stream.WriteByte(1);
        stream.Write(length);
        stream.Write(utf8);
    }
}
