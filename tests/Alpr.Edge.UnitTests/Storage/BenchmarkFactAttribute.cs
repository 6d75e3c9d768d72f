namespace Alpr.Edge.UnitTests.Storage;

/// <summary>A fact that runs only when <c>ALPR_BENCH=1</c> (benchmarks take minutes and load the machine).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ALPR_BENCH") != "1")
        {
            Skip = "benchmark: run with ALPR_BENCH=1 (scripts/soak-store bench)";
        }
    }
}
