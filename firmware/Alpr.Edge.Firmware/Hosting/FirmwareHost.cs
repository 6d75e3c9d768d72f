using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Hardware;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Reads;
using Alpr.Edge.Firmware.Recognition;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Uplink;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>
/// Builds the device's generic host: the same composition for <c>alpr-edge run</c> and for tests that
/// run the firmware in-process (<c>using var host = FirmwareHost.Build(settings); await host.StartAsync();</c>).
/// </summary>
public static class FirmwareHost
{
    /// <summary>Prefix of environment variables read as configuration (<c>ALPR_EDGE_Uplink__BrokerUrl</c>).</summary>
    public const string EnvironmentPrefix = "ALPR_EDGE_";

    private const string HostInternalsCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Builds (does not start) the host. Throws <see cref="FirmwareConfigurationException"/> for a config
    /// file that is missing, not JSON or holds an unknown key; the rest is validated when the host starts.
    /// </summary>
    public static IHost Build(FirmwareRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Args = [],
            ApplicationName = "alpr-edge",
            EnvironmentName = Environments.Production,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });

        AddConfiguration(builder.Configuration, settings);
        AddLogging(builder.Logging, builder.Configuration, settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton(settings.TimeProvider ?? TimeProvider.System);
        foreach (var reporter in settings.Reporters)
        {
            builder.Services.AddSingleton(reporter);
        }

        // Hosted services are created and started in this order and stop in reverse: capture stops first,
        // then recognition closes its tracks into the store, then the uplink says 'stopped'.
        builder.Services.AddHostedService<StartupSummary>();
        builder.Services.AddPole(builder.Configuration);
        builder.Services
            .AddDeviceIdentity()
            .AddDeviceStore()
            .AddDeviceEvents()
            .AddUplink()
            .AddHotlists()
            .AddReads()
            .AddRecognitionStage()
            .AddCapture();
        if (settings.RunFor is { } runFor)
        {
            builder.Services.AddHostedService(sp => new RunLimitService(
                runFor,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IHostApplicationLifetime>(),
                sp.GetRequiredService<ILogger<RunLimitService>>()));
        }

        settings.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    private static void AddConfiguration(ConfigurationManager configuration, FirmwareRunSettings settings)
    {
        if (settings.ConfigFile is { } file)
        {
            ConfigFileCheck.Check(file);
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Set(overrides, $"{CaptureOptions.SectionName}:{nameof(CaptureOptions.Source)}", settings.Source);
        Set(overrides, $"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}", settings.DataDirectory);
        Set(overrides, $"{UplinkOptions.SectionName}:{nameof(UplinkOptions.BrokerUrl)}", settings.BrokerUrl);
        Set(overrides, $"{HotlistOptions.SectionName}:{nameof(HotlistOptions.File)}", settings.HotlistFile);
        Set(overrides, $"{DeviceOptions.SectionName}:{nameof(DeviceOptions.DeviceId)}", settings.DeviceId);
        foreach (var (key, value) in settings.Configuration)
        {
            overrides[key] = value;
        }

        configuration.AddInMemoryCollection(overrides);
    }

    private static void AddLogging(ILoggingBuilder logging, ConfigurationManager configuration, FirmwareRunSettings settings)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (settings.ConfigureLogging is { } configure)
        {
            configure(logging);
            return;
        }

        logging.SetMinimumLevel(LogLevel.Information);

        // The generic host logs a start-up failure ("Hosting failed to start") and a failed background service with the whole
        // stack trace. FirmwareRunner reports both in one line with an exit code; a wrong setting must not print a stack trace.
        logging.AddFilter(HostInternalsCategory, LogLevel.None);
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
