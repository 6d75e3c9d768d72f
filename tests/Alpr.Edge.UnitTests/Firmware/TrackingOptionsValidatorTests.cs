using Alpr.Edge.Firmware.Tracking;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class TrackingOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_vote_fusion_and_no_re_read_of_a_parked_car()
    {
        var options = new TrackingOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(PlateFusionMethod.Vote, options.Fusion);
        Assert.Null(options.MaxTrackLife);
    }

    [Fact]
    public void An_unknown_fusion_method_is_refused_naming_the_choices()
    {
        var result = Validate(new TrackingOptions { Fusion = (PlateFusionMethod)7 });

        Assert.Contains("Tracking:Fusion", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Vote (default), Majority or BestFrame", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:01", "Tracking:MaxTrackLife")]
    [InlineData("00:00:03", "Tracking:MaxTrackLife")]
    public void A_track_life_no_longer_than_the_gap_or_settle_time_is_refused(string life, string key)
    {
        var result = Validate(new TrackingOptions { MaxTrackLife = TimeSpan.Parse(life, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parked_gap_shorter_than_the_gap_is_refused()
    {
        var result = Validate(new TrackingOptions { ParkedGap = TimeSpan.FromSeconds(1) });

        Assert.Contains("Tracking:ParkedGap", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(TrackingOptions options) =>
        new TrackingOptionsValidator().Validate(null, options);
}
