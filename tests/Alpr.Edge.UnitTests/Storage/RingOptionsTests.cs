using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.UnitTests.Storage;

public sealed class RingOptionsTests
{
    [Fact]
    public void Defaults_hold_thirty_days_of_twenty_thousand_reads_with_images()
    {
        Assert.Empty(RingOptionsValidator.Check(new RingOptions()));
        Assert.True(CapacityEstimate.DaysAt(new RingOptions().DiskBudgetBytes, 20_000, 24 * 1024) >= 30);
    }

    [Fact]
    public void A_budget_under_thirty_days_is_refused_with_the_key_and_the_size_needed()
    {
        var failure = Assert.Single(RingOptionsValidator.Check(new RingOptions { DiskBudgetBytes = 1_000_000_000 }));

        Assert.Contains("Storage:DiskBudgetBytes", failure, StringComparison.Ordinal);
        Assert.Contains("30 days need", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_uses_the_measured_rate_once_there_is_an_hour_of_history()
    {
        var options = new RingOptions { DiskBudgetBytes = 1_000_000 };

        var configured = CapacityEstimate.Compute(options, 10, TimeSpan.FromMinutes(10), 10, 10_000);
        Assert.False(configured.Measured);

        var measured = CapacityEstimate.Compute(options, 1_000, TimeSpan.FromDays(1), 1_000, 1_000_000);
        Assert.True(measured.Measured);
        Assert.Equal(1.0, measured.Days, 3);
    }
}
