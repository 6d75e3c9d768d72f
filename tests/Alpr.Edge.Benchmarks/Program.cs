namespace Alpr.Edge.Benchmarks;

/// <summary>Picks the benchmark: <c>hotlist [OUT]</c> for the hot-list figures, anything else the store's (<c>[OUT]</c>).</summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is ["hotlist", .. var rest] ? HotlistBenchmark.Run(rest) : StoreBenchmark.Main(args);
}
