namespace Alpr.Edge.Firmware.Cli;

/// <summary>Milliseconds per stage collected by <c>alpr-edge bench</c> for one model set, with median and p95.</summary>
internal sealed class BenchStageTimes
{
    private readonly Dictionary<string, List<double>> samples = new(StringComparer.Ordinal);

    /// <summary>Stage names in the order first seen.</summary>
    public IReadOnlyList<string> Stages => [.. samples.Keys];

    public void Add(string stage, double milliseconds)
    {
        if (!samples.TryGetValue(stage, out var list))
        {
            list = [];
            samples[stage] = list;
        }

        list.Add(milliseconds);
    }

    public (double Median, double P95) Summary(string stage)
    {
        var sorted = samples[stage].Order().ToArray();
        return (Quantile(sorted, 0.5), Quantile(sorted, 0.95));
    }

    /// <summary>Linear interpolation between the nearest ranks.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
