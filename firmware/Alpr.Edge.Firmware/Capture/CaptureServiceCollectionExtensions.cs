using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Composition of capture and the frame queue.</summary>
public static class CaptureServiceCollectionExtensions
{
    /// <summary>Registers the frame source named by <see cref="CaptureOptions.Source"/>, the bounded queue and the capture loop.</summary>
    public static IServiceCollection AddCapture(this IServiceCollection services)
    {
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.SectionName).ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateOnStart();
        services.AddSingleton<PipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<CaptureOptions>>(sp => sp.GetRequiredService<PipelineOptionsValidator>());
        services.AddSingleton<IValidateOptions<PipelineOptions>>(sp => sp.GetRequiredService<PipelineOptionsValidator>());
        services.AddSingleton<CaptureMetrics>();
        services.AddSingleton<FrameChannel>();
        services.AddSingleton(sp =>
        {
            var source = sp.GetRequiredService<IOptions<CaptureOptions>>().Value.Source;
            var camera = sp.GetRequiredService<IOptions<DeviceOptions>>().Value.Camera;
            try
            {
                return FrameSources.Create(source, camera, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
            }
            catch (ArgumentException ex)
            {
                throw new FirmwareConfigurationException($"Capture:Source: {ex.Message} (--source sim://SEED or a folder of images)", ex);
            }
        });
        services.AddHostedService<CaptureService>();
        return services;
    }
}
