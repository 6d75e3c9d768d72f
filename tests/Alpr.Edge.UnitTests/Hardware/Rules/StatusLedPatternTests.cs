using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class StatusLedPatternTests
{
    private static string Sample(PoleStatus status)
    {
        var pattern = StatusLedPattern.For(status);
        return string.Concat(Enumerable.Range(0, 40).Select(i => pattern.IsLit(TimeSpan.FromMilliseconds(i * 50)) ? '#' : '.'));
    }

    [Fact]
    public void Every_status_blinks_differently()
    {
        var samples = Enum.GetValues<PoleStatus>().Select(Sample).ToList();
        Assert.Equal(samples.Count, samples.Distinct().Count());
    }

    [Fact]
    public void Patterns_read_as_documented()
    {
        Assert.Equal("##..##..##..##..##..##..##..##..##..##..", Sample(PoleStatus.Booting));
        Assert.Equal("##......................................", Sample(PoleStatus.Running));
        Assert.Equal("##..##..................................", Sample(PoleStatus.NoUplink));
        Assert.Equal(new string('#', 40), Sample(PoleStatus.Fault));
    }

    [Fact]
    public void Pattern_repeats_after_its_period()
    {
        var pattern = StatusLedPattern.For(PoleStatus.NoUplink);
        Assert.Equal(TimeSpan.FromSeconds(2), pattern.Period);
        Assert.True(pattern.IsLit(TimeSpan.FromSeconds(2)));
        Assert.False(pattern.IsLit(TimeSpan.FromSeconds(2.15)));
        Assert.True(pattern.IsLit(TimeSpan.FromSeconds(2.25)));
    }
}
