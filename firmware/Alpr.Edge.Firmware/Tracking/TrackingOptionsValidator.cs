using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>Checks <see cref="TrackingOptions"/> at start-up; each message names the key and the fix.</summary>
internal sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var failures = new List<string>();
        if (options.Gap <= TimeSpan.Zero || options.Gap > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Tracking:Gap is {options.Gap}; set a time between 00:00:00.1 and 00:01:00 (default 00:00:01.5)");
        }

        if (options.MissedFrames is < 1 or > 100)
        {
            failures.Add($"Tracking:MissedFrames is {options.MissedFrames}; set 1 to 100 (default 2)");
        }

        if (options.StallClose < options.Gap)
        {
            failures.Add($"Tracking:StallClose is {options.StallClose}; set it at least Tracking:Gap (default 00:00:06)");
        }

        if (options.SettleSightings < 1)
        {
            failures.Add($"Tracking:SettleSightings is {options.SettleSightings}; set 1 or more (default 5)");
        }

        if (options.SettleTime <= TimeSpan.Zero)
        {
            failures.Add($"Tracking:SettleTime is {options.SettleTime}; set a positive time (default 00:00:03)");
        }

        if (options.ParkedGap < options.Gap || options.ParkedGap > TimeSpan.FromHours(1))
        {
            failures.Add($"Tracking:ParkedGap is {options.ParkedGap}; set a time from Tracking:Gap to 01:00:00 (default 00:02:00)");
        }

        if (options.MaxTrackLife is { } life && (life <= options.Gap || life <= options.SettleTime))
        {
            failures.Add($"Tracking:MaxTrackLife is {life}; set it longer than Tracking:Gap and Tracking:SettleTime, or leave it unset so a parked car is read once (default unset)");
        }

        if (!Enum.IsDefined(options.Fusion))
        {
            failures.Add($"Tracking:Fusion is '{options.Fusion}'; set Vote (default), Majority or BestFrame");
        }

        if (options.MaxTextDistance is < 0 or > 3)
        {
            failures.Add($"Tracking:MaxTextDistance is {options.MaxTextDistance}; set 0 to 3 (default 1)");
        }

        if (options.MaxBoxDistanceInWidths <= 0)
        {
            failures.Add($"Tracking:MaxBoxDistanceInWidths is {options.MaxBoxDistanceInWidths}; set a positive number (default 5)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
