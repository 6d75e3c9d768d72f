using System.Globalization;

namespace Alpr.Edge.Bridge.Loadgen;

/// <summary>What a load run measured.</summary>
/// <param name="Published">Records the broker took.</param>
/// <param name="Acknowledged">Records the bridge acknowledged (stored).</param>
/// <param name="PublishSeconds">From the first publish to the last.</param>
/// <param name="IngestSeconds">From the first publish to the last acknowledgement.</param>
/// <param name="P50Milliseconds">Median publish-to-acknowledgement time.</param>
/// <param name="P99Milliseconds">99th percentile of it.</param>
/// <param name="CpuSeconds">CPU time the load generator itself used.</param>
public sealed record LoadgenResult(long Published, long Acknowledged, double PublishSeconds, double IngestSeconds, double P50Milliseconds, double P99Milliseconds, double CpuSeconds)
{
    /// <summary>Records published but never acknowledged.</summary>
    public long Lost => Published - Acknowledged;

    /// <summary>Sustained ingest: acknowledged records per second.</summary>
    public double IngestRate => IngestSeconds > 0 ? Acknowledged / IngestSeconds : 0;

    /// <summary>The one-line summary the command prints.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"published {Published} in {PublishSeconds:0.0} s ({(PublishSeconds > 0 ? Published / PublishSeconds : 0):0} /s); acknowledged {Acknowledged} in {IngestSeconds:0.0} s: {IngestRate:0} records/s sustained; lost {Lost}; publish-to-ack p50 {P50Milliseconds:0.0} ms, p99 {P99Milliseconds:0.0} ms; load generator CPU {CpuSeconds:0.0} s");
}
