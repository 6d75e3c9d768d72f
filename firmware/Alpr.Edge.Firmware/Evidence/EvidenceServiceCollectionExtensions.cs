using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Evidence;

/// <summary>Composition of the evidence images kept with reads.</summary>
public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="EvidenceOptions"/> and registers the <see cref="SightingImageEncoder"/>.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>();
        services.AddSingleton<SightingImageEncoder>();
        return services;
    }
}
