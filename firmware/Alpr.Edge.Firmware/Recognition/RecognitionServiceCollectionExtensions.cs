using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Recognition;

/// <summary>Composition of recognition and tracking.</summary>
public static class RecognitionServiceCollectionExtensions
{
    /// <summary>Registers the ONNX recogniser, the tracker settings and the recognition worker.</summary>
    public static IServiceCollection AddRecognitionStage(this IServiceCollection services)
    {
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecognitionOptions>, RecognitionOptionsValidator>();
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>();
        services.AddSingleton<IPlateRecognizer, OnnxPlateRecognizer>();
        services.AddSingleton<RecognitionMetrics>();
        services.AddEvidence();
        services.AddHostedService<RecognitionWorker>();
        return services;
    }
}
