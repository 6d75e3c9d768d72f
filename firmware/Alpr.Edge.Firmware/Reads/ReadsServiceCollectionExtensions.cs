using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>Composition of read handling (message, hot-list match, store, report).</summary>
public static class ReadsServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ReadProcessor"/> and its metrics.</summary>
    public static IServiceCollection AddReads(this IServiceCollection services)
    {
        services.AddSingleton<ReadMetrics>();
        services.AddSingleton<ReadProcessor>();
        return services;
    }
}
