using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Checks <see cref="PipelineOptions"/> at start-up.</summary>
internal sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var failures = new List<string>();
        if (options.ChannelCapacity is < 1 or > 1000)
        {
            failures.Add($"Pipeline:ChannelCapacity is {options.ChannelCapacity}; set 1 to 1000 frames (default 4)");
        }

        if (options.IdleTick <= TimeSpan.Zero || options.IdleTick > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Pipeline:IdleTick is {options.IdleTick}; set a time between 00:00:00.01 and 00:00:10 (default 00:00:00.25)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
