using Alpr.Edge.Firmware.Reads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>
/// What <c>alpr-edge run</c> was asked for, and the seams an in-process host (tests) may use.
/// Values left null fall back to the config file, then to <c>ALPR_EDGE_*</c> environment variables'
/// defaults in the options classes. Precedence: these settings, environment, config file, defaults.
/// </summary>
public sealed record FirmwareRunSettings
{
    /// <summary>JSON config file (sections Device, Capture, Pipeline, Tracking, Hotlists, Storage, Uplink, Recognition, Logging).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Frame source (<c>Capture:Source</c>): <c>sim://SEED[?...]</c> or a folder of images.</summary>
    public string? Source { get; init; }

    /// <summary>Data folder for <c>device.db</c> (<c>Storage:DataDirectory</c>).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Broker URL (<c>Uplink:BrokerUrl</c>).</summary>
    public string? BrokerUrl { get; init; }

    /// <summary>Hot-list CSV file (<c>Hotlists:File</c>).</summary>
    public string? HotlistFile { get; init; }

    /// <summary>Device id (<c>Device:DeviceId</c>).</summary>
    public string? DeviceId { get; init; }

    /// <summary>Stop cleanly after this long; null runs until stopped.</summary>
    public TimeSpan? RunFor { get; init; }

    /// <summary>Further configuration keys (<c>Section:Key</c>), applied last.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Reporters told of every stored read and hit and every acknowledgement (the console, a test's observer).</summary>
    public IReadOnlyList<IReadReporter> Reporters { get; init; } = [];

    /// <summary>The clock; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Replaces the default logging (simple console on standard error), e.g. with a test's logger.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Runs after the firmware's own registrations: tests replace seams here (frame source, recogniser).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
