using System.Diagnostics.Metrics;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Counters of the ingest (meter <c>Alpr.Edge.Bridge.Ingest</c>), also readable as totals.</summary>
public sealed class IngestMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Alpr.Edge.Bridge.Ingest";

    private readonly Counter<long> _received;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _overflow;
    private long _overflowTotal;
    private long _receivedTotal;
    private long _storedTotal;
    private long _duplicatesTotal;
    private long _droppedTotal;

    /// <summary>Creates the counters on a meter from <paramref name="meterFactory"/>.</summary>
    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("alpr.bridge.ingest.received", "{message}", "MQTT messages received on read and hit topics");
        _stored = meter.CreateCounter<long>("alpr.bridge.ingest.stored", "{record}", "Reads and hits newly stored");
        _duplicates = meter.CreateCounter<long>("alpr.bridge.ingest.duplicates", "{record}", "Re-sent reads and hits already stored");
        _dropped = meter.CreateCounter<long>("alpr.bridge.ingest.dropped", "{message}", "Malformed, oversized or wrong-schema messages dropped");
        _overflow = meter.CreateCounter<long>("alpr.bridge.ingest.queue_overflow", "{message}", "QoS 0 messages dropped because the ingest queue was full");
    }

    /// <summary>Messages received.</summary>
    public long Received => Interlocked.Read(ref _receivedTotal);

    /// <summary>Records newly stored.</summary>
    public long Stored => Interlocked.Read(ref _storedTotal);

    /// <summary>Re-sent records ignored.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicatesTotal);

    /// <summary>Messages dropped as unusable.</summary>
    public long Dropped => Interlocked.Read(ref _droppedTotal);

    /// <summary>QoS 0 messages dropped on a full ingest queue since start.</summary>
    public long QueueOverflows => Interlocked.Read(ref _overflowTotal);

    internal void OnReceived()
    {
        Interlocked.Increment(ref _receivedTotal);
        _received.Add(1);
    }

    internal void OnStored(string kind)
    {
        Interlocked.Increment(ref _storedTotal);
        _stored.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void OnDuplicate(string kind)
    {
        Interlocked.Increment(ref _duplicatesTotal);
        _duplicates.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    internal void OnDropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    internal void QueueOverflow()
    {
        Interlocked.Increment(ref _overflowTotal);
        _overflow.Add(1);
    }
}
