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
    /// <summary>
    /// Registers the device's camera (<see cref="CaptureOptions.Source"/> as the <see cref="IFrameSource"/> service, named
    /// <c>Device:Camera</c>) and those of <see cref="CaptureOptions.Cameras"/>, the camera health (<see cref="ICameraHealth"/>), the
    /// trigger gate, the bounded queue and the capture loop.
    /// </summary>
    public static IServiceCollection AddCapture(this IServiceCollection services)
    {
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.SectionName).ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<CaptureOptions>, CaptureOptionsValidator>();
        services.AddSingleton<CaptureMetrics>();
        services.AddSingleton<FrameChannel>();
        services.AddSingleton<CameraHealthRegistry>();
        services.AddSingleton<ICameraHealth>(sp => sp.GetRequiredService<CameraHealthRegistry>());
        services.AddSingleton<TriggerGate>();
        services.AddSingleton(sp =>
        {
            var source = sp.GetRequiredService<IOptions<CaptureOptions>>().Value.Source;
            var camera = sp.GetRequiredService<IOptions<DeviceOptions>>().Value.Camera;
            return CreateSource(sp, "Capture:Source", source, camera);
        });
        services.AddSingleton(sp => new AdditionalCameras(
            sp.GetRequiredService<IOptions<CaptureOptions>>().Value.Cameras
                .Select((camera, i) => (camera.Source, CreateSource(sp, $"Capture:Cameras:{i}:Source", camera.Source, camera.Name)))
                .ToList()));
        services.AddHostedService<CaptureService>();
        return services;
    }

    private static IFrameSource CreateSource(IServiceProvider services, string key, string source, string camera)
    {
        var options = services.GetRequiredService<IOptions<CaptureOptions>>().Value;
        var context = new FrameSourceContext(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>())
        {
            Health = services.GetRequiredService<CameraHealthRegistry>().MonitorFor(camera),
            FfmpegProgram = options.FfmpegPath,
        };
        try
        {
            return FrameSources.Create(source, camera, context);
        }
        catch (ArgumentException ex)
        {
            throw new FirmwareConfigurationException($"{key}: {ex.Message}", ex);
        }
    }
}
