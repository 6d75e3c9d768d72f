using Alpr.Edge.Capture.Supervision;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_from_the_initial_one_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, new Random(1));

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void Jitter_spreads_each_delay_within_its_fraction_and_differs_between_cameras()
    {
        var first = new ReconnectBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 0.2, new Random(1));
        var second = new ReconnectBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 0.2, new Random(2));

        var a = Enumerable.Range(0, 50).Select(_ => first.Next().TotalSeconds).ToList();
        var b = Enumerable.Range(0, 50).Select(_ => second.Next().TotalSeconds).ToList();

        Assert.All(a.Concat(b), d => Assert.InRange(d, 8, 12));
        Assert.NotEqual(a, b);
        Assert.True(a.Max() - a.Min() > 1, "jitter should actually spread the delays");
    }

    [Fact]
    public void Reset_starts_again_from_the_initial_delay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, new Random(1));
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(0, backoff.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
