using System.Security.Cryptography;
using System.Text;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// Ids of the hold commands the bridge sends, derived from the central hold and the device (SHA-256, as an RFC 9562
/// version 8 UUID). The device echoes a command's id in its <c>hold</c> event, so the bridge can find there the
/// device's own id of a hold it pushed; and a command sent twice is applied once, as the device de-duplicates ids.
/// </summary>
public static class HoldCommandIds
{
    /// <summary>The id of the <c>place-hold</c> command for hold <paramref name="holdId"/> on <paramref name="deviceId"/>.</summary>
    public static Guid Place(Guid holdId, string deviceId) => Derive("place-hold", holdId, deviceId);

    /// <summary>The id of the <c>release-hold</c> command for hold <paramref name="holdId"/> on <paramref name="deviceId"/>.</summary>
    public static Guid Release(Guid holdId, string deviceId) => Derive("release-hold", holdId, deviceId);

    private static Guid Derive(string command, Guid holdId, string deviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{command}/{holdId:D}/{deviceId}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
