namespace Alpr.Edge.Benchmarks;

/// <summary>
/// Picks the benchmark: <c>hotlist [OUT]</c> for the hot-list figures, <c>explain CONNECTION ROWS [OUT]</c> for the central
/// store's plans at scale, anything else the device store's (<c>[OUT]</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["hotlist", .. var rest] => HotlistBenchmark.Run(rest),
        ["explain", .. var rest] => ExplainAtScale.RunAsync(rest).GetAwaiter().GetResult(),
        _ => StoreBenchmark.Main(args),
    };
}
