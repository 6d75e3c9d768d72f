using System.Data.Common;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>The stored copy of a message is its wire JSON; both engines keep and read it back the same way.</summary>
internal static class StoredJson
{
    public static string Write<T>(T message, JsonTypeInfo<T> typeInfo) => Encoding.UTF8.GetString(WireFormat.Serialize(message, typeInfo));

    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class =>
        WireFormat.TryParse(Encoding.UTF8.GetBytes(json), typeInfo, out var message, out var error)
            ? message!
            : throw new InvalidDataException($"stored {typeof(T).Name} does not parse: {error}");

    /// <summary>The stored copy of a hit: a device cannot verify a hit, so it always starts unverified.</summary>
    public static string WriteHit(HotlistHitMessage hit) =>
        Write(hit with { Verification = HitVerification.Unverified }, ContractsJson.Default.HotlistHitMessage);

    /// <summary>A stored hit with the bridge's verification state.</summary>
    public static StoredHit ReadHit(string payload, string verification, DateTimeOffset receivedAt) =>
        new(Read(payload, ContractsJson.Default.HotlistHitMessage) with { Verification = Enum.Parse<HitVerification>(verification) }, receivedAt);

    /// <summary>A row of <c>SELECT device_id, availability, availability_at, health, health_at FROM devices</c>.</summary>
    public static DeviceSummary ReadDevice(DbDataReader reader, Func<int, DateTimeOffset> time) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.IsDBNull(2) ? null : time(2),
        reader.IsDBNull(3) ? null : Read(reader.GetString(3), ContractsJson.Default.DeviceHealthMessage),
        reader.IsDBNull(4) ? null : time(4));
}
