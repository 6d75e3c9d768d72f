using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Evidence;

/// <summary>Checks <see cref="EvidenceOptions"/> at start-up and names the key and the fix.</summary>
internal sealed class EvidenceOptionsValidator : IValidateOptions<EvidenceOptions>
{
    private const string S = EvidenceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, EvidenceOptions options)
    {
        var failures = new List<string>();
        if (options.CropMargin is < 0 or > 2 || double.IsNaN(options.CropMargin))
        {
            failures.Add($"{S}:CropMargin must be 0..2 (share of the plate box), got {options.CropMargin}");
        }

        if (options.CropQuality is < 1 or > 100)
        {
            failures.Add($"{S}:CropQuality must be 1..100, got {options.CropQuality}");
        }

        if (options.OverviewQuality is < 1 or > 100)
        {
            failures.Add($"{S}:OverviewQuality must be 1..100, got {options.OverviewQuality}");
        }

        if (options.OverviewMaxSide is < 64 or > 8192)
        {
            failures.Add($"{S}:OverviewMaxSide must be 64..8192 pixels, got {options.OverviewMaxSide}");
        }

        if (options.OverviewMaxBytes is < 4_096 or > 4_000_000)
        {
            failures.Add($"{S}:OverviewMaxBytes must be 4096..4000000, got {options.OverviewMaxBytes}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
