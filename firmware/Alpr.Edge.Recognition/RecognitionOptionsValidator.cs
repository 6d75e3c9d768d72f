using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Recognition;

/// <summary>Start-up check of <see cref="RecognitionOptions"/>: ranges and that the model folder has a manifest.</summary>
public sealed class RecognitionOptionsValidator : IValidateOptions<RecognitionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelDirectory))
        {
            failures.Add($"{RecognitionOptions.SectionName}:ModelDirectory is empty; set it to a folder with a {ModelManifest.FileName}");
        }
        else if (!File.Exists(Path.Combine(options.ResolveModelDirectory(), ModelManifest.FileName)))
        {
            failures.Add($"{RecognitionOptions.SectionName}:ModelDirectory '{options.ResolveModelDirectory()}' has no {ModelManifest.FileName}; run scripts/fetch-models or fix the path");
        }

        if (options.IntraOpThreads is < 1 or > 64)
        {
            failures.Add($"{RecognitionOptions.SectionName}:IntraOpThreads must be 1..64, got {options.IntraOpThreads}");
        }

        if (options.MaxTextLines is < 1 or > 256)
        {
            failures.Add($"{RecognitionOptions.SectionName}:MaxTextLines must be 1..256, got {options.MaxTextLines}");
        }

        if (options.MinPlateScore is < 0 or > 1 || double.IsNaN(options.MinPlateScore))
        {
            failures.Add($"{RecognitionOptions.SectionName}:MinPlateScore must be 0..1, got {options.MinPlateScore}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
