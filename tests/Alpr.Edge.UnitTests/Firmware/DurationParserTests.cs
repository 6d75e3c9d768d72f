using Alpr.Edge.Firmware.Cli;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1m30s", 90)]
    [InlineData("2h5m7s", 7507)]
    [InlineData("90S", 90)]
    public void Durations_with_units_are_understood(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("3x")]
    [InlineData("s")]
    [InlineData("30s5m")]
    [InlineData("1m1m")]
    [InlineData("1.5s")]
    [InlineData("-5s")]
    [InlineData("0s")]
    [InlineData("")]
    public void Anything_else_is_refused_with_a_reason(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.DoesNotContain('\n', error!);
    }
}
