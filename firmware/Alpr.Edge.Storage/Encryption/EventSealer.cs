using Alpr.Edge.Contracts;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>Turns a device event into a sealed row: no plate (an empty blind index), kept until acknowledged.</summary>
internal static class EventSealer
{
    public static SealedRow Seal(DeviceEventMessage deviceEvent, KeyRing keys)
    {
        var cipher = keys.Active;
        var json = WireFormat.Serialize(deviceEvent, ContractsJson.Default.DeviceEventMessage);
        var sealedRecord = cipher.Seal(deviceEvent.Id, RecordKind.Event, RecordPart.Record, PayloadCodec.EncodeRecord(json, site: null));
        return new SealedRow(
            RecordIds.ToBytes(deviceEvent.Id),
            RecordKind.Event,
            deviceEvent.OccurredAt.ToUnixTimeMilliseconds(),
            KeepPlate: true,
            PlateIndex: [],
            cipher.KeyId,
            sealedRecord,
            SealedImages: null);
    }
}
