using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class DebouncerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rapid_bounce_shorter_than_the_window_changes_nothing()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(20));
        for (var ms = 0; ms < 100; ms += 5)
        {
            Assert.False(debouncer.Update(ms % 10 == 0, T0.AddMilliseconds(ms)));
        }

        Assert.False(debouncer.Stable);
    }

    [Fact]
    public void A_level_that_holds_for_the_window_is_accepted_once()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(20));
        Assert.False(debouncer.Update(true, T0));
        Assert.False(debouncer.Update(true, T0.AddMilliseconds(10)));
        Assert.True(debouncer.Update(true, T0.AddMilliseconds(20)));
        Assert.False(debouncer.Update(true, T0.AddMilliseconds(30)));
        Assert.True(debouncer.Stable);
    }

    [Fact]
    public void Bounce_then_settle_is_one_change()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(20));
        var changes = 0;
        bool[] samples = [true, false, true, false, true, true, true, true, true, true];
        for (var i = 0; i < samples.Length; i++)
        {
            changes += debouncer.Update(samples[i], T0.AddMilliseconds(i * 5)) ? 1 : 0;
        }

        Assert.Equal(1, changes);
        Assert.True(debouncer.Stable);
    }
}
