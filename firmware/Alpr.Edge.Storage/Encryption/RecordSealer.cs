using Alpr.Edge.Contracts;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>Turns a read, its hits and its evidence into sealed rows (the read first, then its hits).</summary>
internal static class RecordSealer
{
    public static void Seal(ReadToStore item, KeyRing keys, List<SealedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(item.Read);
        ArgumentNullException.ThrowIfNull(item.Hits);
        var read = item.Read;
        var evidence = item.Evidence ?? ReadEvidence.None;
        var cipher = keys.Active;
        var keepPlate = item.Hits.Count > 0;
        var json = WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage);
        var sealedRecord = cipher.Seal(read.Id, RecordKind.Read, RecordPart.Record, PayloadCodec.EncodeRecord(json, evidence.Site));
        var sealedImages = evidence.HasImages
            ? cipher.Seal(read.Id, RecordKind.Read, RecordPart.Images, PayloadCodec.EncodeImages(evidence.PlateCropJpeg.Span, evidence.OverviewJpeg.Span))
            : null;
        var plateIndex = keys.Index.Of(read.Plate);
        var capturedAt = read.CapturedAt.ToUnixTimeMilliseconds();
        rows.Add(new SealedRow(RecordIds.ToBytes(read.Id), RecordKind.Read, capturedAt, keepPlate, plateIndex, cipher.KeyId, sealedRecord, sealedImages));
        foreach (var hit in item.Hits)
        {
            var hitJson = WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage);
            var sealedHit = cipher.Seal(hit.Id, RecordKind.Hit, RecordPart.Record, PayloadCodec.EncodeRecord(hitJson, evidence.Site));
            var hitIndex = hit.Read.Plate == read.Plate ? plateIndex : keys.Index.Of(hit.Read.Plate);
            rows.Add(new SealedRow(RecordIds.ToBytes(hit.Id), RecordKind.Hit, hit.Read.CapturedAt.ToUnixTimeMilliseconds(), true, hitIndex, cipher.KeyId, sealedHit, null));
        }
    }
}
