using Alpr.Edge.Bridge.Ingest;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void Delay_doubles_up_to_the_maximum_and_starts_again_after_reset()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToArray();
        backoff.Reset();

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Maximum_below_minimum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
    }
}
