using Alpr.Edge.Hardware.SelfTest;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>
/// Checks the int8 choice against fp32: where the loaded set has an int8 model whose manifest entry declares an fp32 fallback,
/// reads <see cref="PlateCount"/> rendered plates (<see cref="AgreementPlates"/>) with the set as chosen and again with
/// <c>Recognition:Precision=Fp32</c>, and fails when fewer than <see cref="MinimumAgreeing"/> texts agree. An int8 recogniser is
/// compared on the tight crops (<see cref="OnnxPlateRecognizer.RecognizeCrop"/>), an int8 detector on the plates in small frames
/// (<see cref="OnnxPlateRecognizer.Recognize"/>). Passes, saying why, when there is nothing to compare.
/// </summary>
internal static class Int8AgreementCheck
{
    public const string Name = "int8 agreement";

    /// <summary>Plates read per comparison (the last quarter with the night look).</summary>
    public const int PlateCount = 16;

    /// <summary>At most one plate in sixteen may read differently.</summary>
    public const int MinimumAgreeing = 15;

    private const string Fix = "set Recognition:Precision=Fp32 (or re-quantise: scripts/quantize-models)";

    public static SelfTestCheck Run(RecognitionOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var validation = new RecognitionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return SelfTestCheck.Fail(Name, validation.FailureMessage, "fix the Recognition section of the configuration");
        }

        try
        {
            using var chosen = new OnnxPlateRecognizer(Options.Create(options), loggerFactory.CreateLogger<OnnxPlateRecognizer>());
            var models = chosen.Models;
            var compared = models.Choices.Where(c => c.HasInt8AndFallback && !c.IsFallback).ToList();
            if (compared.Count == 0)
            {
                return SelfTestCheck.Pass(Name, NothingToCompare(options, models));
            }

            using var reference = new OnnxPlateRecognizer(
                Options.Create(options.WithPrecision(RecognitionPrecision.Fp32)), loggerFactory.CreateLogger<OnnxPlateRecognizer>());
            var plates = AgreementPlates.Render(PlateCount);
            try
            {
                var results = compared.Select(choice => Compare(choice, chosen, reference, plates, cancellationToken)).ToList();
                var detail = string.Join("; ", results.Select(r => r.Detail(models.Cpu.ToString())));
                return results.All(r => r.Agreeing >= MinimumAgreeing)
                    ? SelfTestCheck.Pass(Name, detail)
                    : SelfTestCheck.Fail(Name, $"{detail}; at least {MinimumAgreeing}/{PlateCount} must agree", Fix);
            }
            finally
            {
                foreach (var plate in plates)
                {
                    plate.Dispose();
                }
            }
        }
        catch (ModelManifestException ex)
        {
            return SelfTestCheck.Fail(Name, ex.Message, "install the models (scripts/fetch-models), fix the manifest, or set Recognition:Precision");
        }
        catch (FileNotFoundException ex)
        {
            return SelfTestCheck.Fail(Name, ex.Message, "install the plate font (apt-get install fonts-dejavu-core)");
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return SelfTestCheck.Fail(Name, $"{options.ResolveModelDirectory()}: {ex.Message}", "reinstall the models (scripts/fetch-models); the ONNX Runtime could not run them");
        }
    }

    private static Agreement Compare(
        ModelChoice choice, OnnxPlateRecognizer chosen, OnnxPlateRecognizer reference, IReadOnlyList<AgreementPlate> plates, CancellationToken cancellationToken)
    {
        var crops = choice.Role == ModelRoles.Recognizer;
        var agreement = new Agreement(choice, crops ? "rendered plates" : "rendered plates in frames");
        foreach (var plate in plates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var int8 = crops ? TopText(chosen.RecognizeCrop(plate.Crop, cancellationToken)) : TopText(chosen.Recognize(plate.Frame, cancellationToken));
            var fp32 = crops ? TopText(reference.RecognizeCrop(plate.Crop, cancellationToken)) : TopText(reference.Recognize(plate.Frame, cancellationToken));
            agreement.Add(plate.Text, int8, fp32);
        }

        return agreement;
    }

    private static string TopText(FrameRecognition result) => result.Plates.Count == 0 ? string.Empty : result.Plates[0].Text;

    private static string NothingToCompare(RecognitionOptions options, ModelSet models)
    {
        var fallbacks = models.Choices.Where(c => c.IsFallback).ToList();
        if (fallbacks.Count > 0)
        {
            return string.Join("; ", fallbacks.Select(c =>
                $"nothing to compare: {RecognitionOptions.SectionName}:Precision={options.Precision} chose the fp32 fallback {c.Loaded.File} for {c.Declared.Name} on {models.Cpu.Class}: {c.Reason}"));
        }

        var described = string.Join(", ", models.Choices.Select(c => $"{c.Role} {c.Declared.Name} {ModelPrecisions.Of(c.Declared)}{(c.Declared.Fallback is null ? string.Empty : " with fallback")}"));
        return $"nothing to compare: {options.Manifest} declares no int8 model with an fp32 fallback ({described})";
    }
}
