using System.Diagnostics.Metrics;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>Read and hit counters (meter <c>Alpr.Edge.Firmware.Reads</c>).</summary>
public sealed class ReadMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Alpr.Edge.Firmware.Reads";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _hits;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ReadMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>("alpr.reads.stored", "{read}", "Reads (one per vehicle pass) committed to the device store.");
        _hits = meter.CreateCounter<long>("alpr.hits.stored", "{hit}", "Hot-list hits committed to the device store.");
    }

    /// <summary>Counts a stored read and its hits.</summary>
    public void Stored(int hits)
    {
        _reads.Add(1);
        if (hits > 0)
        {
            _hits.Add(hits);
        }
    }
}
