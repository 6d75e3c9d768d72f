using System.Diagnostics.Metrics;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Uplink instruments (meter <c>Alpr.Edge.Firmware.Uplink</c>).</summary>
public sealed class UplinkMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Alpr.Edge.Firmware.Uplink";

    private readonly Counter<long> _connects;
    private readonly Counter<long> _connectFailures;
    private readonly Counter<long> _published;
    private readonly Counter<long> _acked;
    private readonly Counter<long> _malformedAcks;
    private readonly Counter<long> _ignoredAckIds;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public UplinkMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _connects = meter.CreateCounter<long>("alpr.uplink.connects", "{connection}", "Connections made to the broker.");
        _connectFailures = meter.CreateCounter<long>("alpr.uplink.connect_failures", "{attempt}", "Connection attempts or sessions that failed.");
        _published = meter.CreateCounter<long>("alpr.uplink.published", "{record}", "Reads and hits published (re-sends included).");
        _acked = meter.CreateCounter<long>("alpr.uplink.acknowledged", "{record}", "Records the bridge acknowledged.");
        _malformedAcks = meter.CreateCounter<long>("alpr.uplink.malformed_acks", "{message}", "Acknowledgements that could not be parsed.");
        _ignoredAckIds = meter.CreateCounter<long>(
            "alpr.uplink.ack_ids_ignored", "{id}", "Acknowledged ids not in flight (never sent, back in the outbox, already acknowledged or unknown): nothing marked.");
    }

    /// <summary>Counts a connection.</summary>
    public void Connected() => _connects.Add(1);

    /// <summary>Counts a failed attempt or a lost session.</summary>
    public void ConnectionFailed() => _connectFailures.Add(1);

    /// <summary>Counts a published record of <paramref name="kind"/> ("read" or "hit").</summary>
    public void Published(string kind) => _published.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Counts records marked acknowledged.</summary>
    public void Acknowledged(int count) => _acked.Add(count);

    /// <summary>Counts acknowledged ids that marked nothing.</summary>
    public void IgnoredAckIds(int count) => _ignoredAckIds.Add(count);

    /// <summary>Counts an acknowledgement that could not be parsed.</summary>
    public void MalformedAck() => _malformedAcks.Add(1);
}
