using Alpr.Edge.Contracts;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Logging;
using Ring = Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>
/// The firmware's outbox over the encrypted ring (<see cref="EncryptedStore"/>, <c>store.db</c> in the data
/// folder): every read and hit is sealed with AES-256-GCM before it reaches SQLite and kept until the
/// bridge acknowledges it, then as a bounded ring. Each <see cref="Add"/> is one durable transaction, so a
/// hit is on disk before the uplink is woken to publish it. See docs/device-store.md.
/// </summary>
public sealed class DeviceStore : IDisposable
{
    /// <summary>File name inside the data folder.</summary>
    public const string FileName = EncryptedStore.FileName;

    /// <summary>Device id bound into a store created without one (tests, tools); the host's composition passes the real id.</summary>
    public const string UnnamedDevice = "alpr-edge";

    private DeviceStore(EncryptedStore ring)
    {
        Ring = ring;
    }

    /// <summary>The encrypted ring itself: holds, stats, verification, key rotation, purge steps.</summary>
    public EncryptedStore Ring { get; }

    /// <summary>Full path of the database file.</summary>
    public string Path => Ring.Path;

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/> with the default ring settings.</summary>
    public static DeviceStore Open(string directory, TimeProvider timeProvider) => Open(directory, timeProvider, UnnamedDevice, new RingOptions(), logger: null);

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/> for <paramref name="deviceId"/>.</summary>
    public static DeviceStore Open(string directory, TimeProvider timeProvider, string deviceId, RingOptions ring, ILogger? logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new DeviceStore(EncryptedStore.Open(new EncryptedStoreOptions { DataDirectory = directory, DeviceId = deviceId, Ring = ring }, timeProvider, logger));
    }

    /// <summary>Stores a read and its hits (and optional images and position) in one durable transaction, all <see cref="TransferState.NotSent"/>.</summary>
    public void Add(PlateReadMessage read, IReadOnlyList<HotlistHitMessage> hits, ReadEvidence? evidence = null) => Ring.Add(read, hits, evidence);

    /// <summary>Stores a batch of reads (with their hits and evidence) in one durable transaction.</summary>
    public void AddBatch(IReadOnlyList<ReadToStore> batch) => Ring.AddBatch(batch);

    /// <summary>Stores a device event in one durable transaction, <see cref="TransferState.NotSent"/>.</summary>
    public void AddEvent(DeviceEventMessage deviceEvent) => Ring.AddEvent(deviceEvent);

    /// <summary>Capture time of the oldest record of <paramref name="kind"/> not yet acknowledged, or null.</summary>
    public DateTimeOffset? OldestUnacknowledged(RecordKind kind) => Ring.OldestUnacknowledged((Ring.RecordKind)kind);

    /// <summary>
    /// Takes up to <paramref name="max"/> records of <paramref name="kind"/> to publish, oldest first: those
    /// not yet sent, and those in flight for longer than <paramref name="resendAfter"/> without an
    /// acknowledgement. They are marked <see cref="TransferState.InFlight"/> before they are returned.
    /// </summary>
    public IReadOnlyList<StoredRecord> TakeForSending(RecordKind kind, int max, TimeSpan resendAfter) =>
        Ring.TakeForSending((Ring.RecordKind)kind, max, resendAfter).Select(r => new StoredRecord(r.Id, kind, r.CapturedAt, r.Payload, r.Attempts)).ToList();

    /// <summary>Marks the records (reads, hits or events) with these ids <see cref="TransferState.Acked"/>; returns how many changed.</summary>
    public int MarkAcked(IReadOnlyCollection<Guid> ids) => Ring.MarkAcked(ids);

    /// <summary>Puts every in-flight record back to <see cref="TransferState.NotSent"/> (after a reconnect); returns how many.</summary>
    public int ReturnInFlight() => Ring.ReturnInFlight();

    /// <summary>Reads and hits published less than <paramref name="resendAfter"/> ago and not yet acknowledged.</summary>
    public long CountAwaitingAck(TimeSpan resendAfter) => Ring.CountAwaitingAck(resendAfter);

    /// <summary>The transfer state of a read or hit, or null when the store does not hold it.</summary>
    public TransferState? GetState(Guid id) => Ring.GetState(id) is { } state ? (TransferState)state : null;

    /// <summary>Records of <paramref name="kind"/> in each transfer state.</summary>
    public StoreCounts Count(RecordKind kind)
    {
        var counts = Ring.Count((Ring.RecordKind)kind);
        return new StoreCounts(counts.NotSent, counts.InFlight, counts.Acked);
    }

    /// <inheritdoc />
    public void Dispose() => Ring.Dispose();
}
