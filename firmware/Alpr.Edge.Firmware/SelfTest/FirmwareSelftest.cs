using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.SelfTest;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>
/// <c>alpr-edge selftest</c>: the hardware library's checks (<see cref="HardwareSelfTest"/>), then the camera, the recognition
/// model, int8 against fp32 (<see cref="Int8AgreementCheck"/>) and the MQTT broker, all from the same configuration as <c>alpr-edge run</c> (config file, <c>ALPR_EDGE_</c> variables,
/// then the command-line overrides). Run it with the service stopped: it opens the pins and the camera itself.
/// </summary>
internal static class FirmwareSelftest
{
    /// <summary>
    /// The camera checked when neither <c>--source</c> nor <c>Capture:Source</c> is given: seed 1 at 5 fps, rendered at 426x240 (the smallest it allows), so that a
    /// busy machine (a CI run with tests in parallel rendered 640x360 at only 3.5 of 10 fps) still keeps the rate the check asks for;
    /// the check is of the self-test's plumbing, not of rendering speed (without <c>--simulate</c> a simulator fails the check).
    /// </summary>
    public const string SimulatedSource = "sim://1?width=426&height=240&fps=5";

    public static async Task<SelftestResult> RunAsync(SelftestSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var checks = new List<SelfTestCheck>();
        IConfiguration configuration;
        try
        {
            configuration = LoadConfiguration(settings);
        }
        catch (Exception ex) when (ex is FirmwareConfigurationException or InvalidDataException or FormatException or IOException)
        {
            checks.Add(SelfTestCheck.Fail("configuration", ex.Message, "fix the config file (--config FILE)"));
            return new SelftestResult(checks, []);
        }

        checks.AddRange(RunHardware(configuration, settings.Simulate, cancellationToken));

        var source = settings.Source ?? configuration[$"{CaptureOptions.SectionName}:{nameof(CaptureOptions.Source)}"] ?? SimulatedSource;
        checks.AddRange(await CameraCheck.RunAllAsync(source, configuration, settings.Simulate, settings, loggerFactory, cancellationToken));

        var recognition = new RecognitionOptions();
        configuration.GetSection(RecognitionOptions.SectionName).Bind(recognition);
        checks.Add(ModelCheck.Run(recognition, loggerFactory, cancellationToken));
        checks.Add(Int8AgreementCheck.Run(recognition, loggerFactory, cancellationToken));

        var skipped = new List<SkippedCheck>();
        if (settings.SkipBroker)
        {
            skipped.Add(new SkippedCheck("broker", "--no-broker"));
        }
        else
        {
            var broker = settings.BrokerUrl ?? configuration[$"{UplinkOptions.SectionName}:{nameof(UplinkOptions.BrokerUrl)}"] ?? new UplinkOptions().BrokerUrl;
            checks.Add(await BrokerCheck.RunAsync(broker, settings.BrokerTimeout, cancellationToken));
        }

        return new SelftestResult(checks, skipped);
    }

    private static IReadOnlyList<SelfTestCheck> RunHardware(IConfiguration configuration, bool simulate, CancellationToken cancellationToken)
    {
        HardwareOptions options;
        try
        {
            options = configuration.BindHardwareOptions();
        }
        catch (InvalidOperationException ex)
        {
            return [SelfTestCheck.Fail("hardware configuration", ex.Message, "fix or remove the key named above in the Hardware section")];
        }

        var selfTest = simulate ? HardwareSelfTest.ForSimulator(options, TimeProvider.System) : HardwareSelfTest.ForRealHardware(options);
        return selfTest.Run(cancellationToken);
    }

    private static IConfiguration LoadConfiguration(SelftestSettings settings)
    {
        var builder = new ConfigurationBuilder();
        if (settings.ConfigFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new FirmwareConfigurationException($"config file '{file}' does not exist (--config FILE)");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(FirmwareHost.EnvironmentPrefix);
        return builder.Build();
    }
}
