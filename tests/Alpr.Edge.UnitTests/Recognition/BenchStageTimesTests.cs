using Alpr.Edge.Firmware.Cli;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class BenchStageTimesTests
{
    [Fact]
    public void Median_and_p95_interpolate_between_ranks()
    {
        var times = new BenchStageTimes();
        foreach (var ms in new[] { 5.0, 1, 4, 2, 3 })
        {
            times.Add("detect", ms);
        }

        var (median, p95) = times.Summary("detect");

        Assert.Equal(3.0, median, 6);
        Assert.Equal(4.8, p95, 6);
        Assert.Equal(["detect"], times.Stages);
    }

    [Fact]
    public void An_empty_series_has_no_quantile() => Assert.True(double.IsNaN(BenchStageTimes.Quantile([], 0.5)));
}
