namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>What <c>alpr-edge selftest</c> checks and against what.</summary>
internal sealed record SelftestSettings
{
    /// <summary>Run the hardware checks on a <c>SimulatedPole</c>; the camera defaults to <c>sim://1</c>.</summary>
    public bool Simulate { get; init; }

    /// <summary>JSON config file (<c>--config</c>); its <c>Hardware</c>, <c>Capture</c>, <c>Recognition</c> and <c>Uplink</c> sections are used.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Frame source (<c>--source</c>); overrides <c>Capture:Source</c>.</summary>
    public string? Source { get; init; }

    /// <summary>Broker URL (<c>--broker</c>); overrides <c>Uplink:BrokerUrl</c>.</summary>
    public string? BrokerUrl { get; init; }

    /// <summary>Skip the broker check (<c>--no-broker</c>); it is reported as not checked, never as passed.</summary>
    public bool SkipBroker { get; init; }

    /// <summary>How long to wait for the camera's first frame.</summary>
    public TimeSpan FirstFrameTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to count frames after the first one to measure the rate.</summary>
    public TimeSpan CameraWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Deadline of the broker connect.</summary>
    public TimeSpan BrokerTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
