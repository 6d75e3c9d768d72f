using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Recognition;

/// <summary>
/// Start-up check of <see cref="RecognitionOptions"/>: ranges, that the model folder has the manifest, and that the loaded
/// ONNX Runtime offers the chosen execution provider.
/// </summary>
public sealed class RecognitionOptionsValidator : IValidateOptions<RecognitionOptions>
{
    private readonly Func<IReadOnlyList<string>> availableProviders;

    /// <summary>Checks providers against the ONNX Runtime native library loaded in this process.</summary>
    public RecognitionOptionsValidator()
        : this(ExecutionProviders.Available)
    {
    }

    /// <summary>Checks providers against <paramref name="availableProviders"/> (ONNX Runtime's provider names).</summary>
    public RecognitionOptionsValidator(Func<IReadOnlyList<string>> availableProviders)
    {
        ArgumentNullException.ThrowIfNull(availableProviders);
        this.availableProviders = availableProviders;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckModels(options, failures);
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

        if (options.DetectorMaxSide != 0 && (options.DetectorMaxSide is < 320 or > 2560 || options.DetectorMaxSide % 32 != 0))
        {
            failures.Add($"{RecognitionOptions.SectionName}:DetectorMaxSide must be 0 (the manifest's) or a multiple of 32 in 320..2560, got {options.DetectorMaxSide}");
        }

        if (options.DeviceId is < 0 or > 15)
        {
            failures.Add($"{RecognitionOptions.SectionName}:DeviceId must be 0..15, got {options.DeviceId}");
        }

        if (options.ExecutionProvider != RecognitionExecutionProvider.Cpu || !Enum.IsDefined(options.ExecutionProvider))
        {
            var problem = Enum.IsDefined(options.ExecutionProvider)
                ? ExecutionProviders.Unavailable(options.ExecutionProvider, availableProviders())
                : ExecutionProviders.Unavailable(options.ExecutionProvider, []);
            if (problem is not null)
            {
                failures.Add(problem);
            }
        }

        if (!Enum.IsDefined(options.Precision))
        {
            failures.Add($"{RecognitionOptions.SectionName}:Precision must be Auto, Int8 or Fp32, got '{options.Precision}'");
        }

        if (!string.IsNullOrEmpty(options.CpuClass) && !Cpu.CpuClasses.IsKnown(options.CpuClass))
        {
            failures.Add($"{RecognitionOptions.SectionName}:CpuClass '{options.CpuClass}' is not a CPU class; use one of {string.Join(", ", Cpu.CpuClasses.All)}, or leave it empty to detect it");
        }

        var book = PostProcessing.PlateFormatBook.LoadEmbedded();
        foreach (var state in options.HomeStates.Where(s => !book.Knows(s)))
        {
            failures.Add($"{RecognitionOptions.SectionName}:HomeStates has '{state}', which is not a US state postal code the plate formats know; use codes such as CA, NY, TX");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckModels(RecognitionOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ModelDirectory))
        {
            failures.Add($"{RecognitionOptions.SectionName}:ModelDirectory is empty; set it to a folder with a {ModelManifest.FileName}");
        }
        else if (string.IsNullOrWhiteSpace(options.Manifest) || Path.GetFileName(options.Manifest) != options.Manifest)
        {
            failures.Add($"{RecognitionOptions.SectionName}:Manifest must be a file name in the model folder (such as {ModelManifest.FileName}), got '{options.Manifest}'");
        }
        else if (!File.Exists(options.ResolveManifest()))
        {
            failures.Add($"{RecognitionOptions.SectionName}:ModelDirectory '{options.ResolveModelDirectory()}' has no {options.Manifest}; run scripts/fetch-models or fix the path");
        }
    }
}
