using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class TriggerWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Window_is_open_while_active_and_for_the_hold_after_release()
    {
        var window = new TriggerWindow(TimeSpan.FromSeconds(2));
        Assert.False(window.IsOpen(T0));
        window.Update(true, T0);
        Assert.True(window.IsOpen(T0.AddSeconds(10)));
        window.Update(false, T0.AddSeconds(10));
        Assert.True(window.IsOpen(T0.AddSeconds(12)));
        Assert.False(window.IsOpen(T0.AddSeconds(12.1)));
    }
}
