using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Recognition;

/// <summary>Composition of the recognition area.</summary>
public static class RecognitionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RecognitionOptions"/> (bound to the <c>Recognition</c> section, validated at start-up) and the ONNX
    /// <see cref="IPlateRecognizer"/> as a singleton.
    /// </summary>
    public static IServiceCollection AddPlateRecognition(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RecognitionOptions>()
            .BindConfiguration(RecognitionOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecognitionOptions>, RecognitionOptionsValidator>());
        services.TryAddSingleton<IPlateRecognizer, OnnxPlateRecognizer>();
        return services;
    }
}
