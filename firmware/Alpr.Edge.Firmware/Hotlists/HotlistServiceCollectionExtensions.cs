using Alpr.Edge.Firmware.Reads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Composition of the hot list.</summary>
public static class HotlistServiceCollectionExtensions
{
    /// <summary>Loads the hot list named by <see cref="HotlistOptions.File"/> when the pipeline starts (empty when none).</summary>
    public static IServiceCollection AddHotlists(this IServiceCollection services)
    {
        services.AddOptions<HotlistOptions>().BindConfiguration(HotlistOptions.SectionName).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<HotlistOptions>>().Value.File;
            var logger = sp.GetRequiredService<ILogger<Hotlist>>();
            if (string.IsNullOrWhiteSpace(file))
            {
                ReadsLog.NoHotlist(logger);
                return Hotlist.Empty;
            }

            var hotlist = HotlistCsv.Load(file);
            ReadsLog.HotlistLoaded(logger, file, hotlist.Count);
            return hotlist;
        });
        return services;
    }
}
