namespace Alpr.Edge.Hardware.Rules;

/// <summary>What the status LED shows, most severe last.</summary>
public enum PoleStatus
{
    /// <summary>Starting up: fast blink.</summary>
    Booting,

    /// <summary>Reading plates with an uplink: short heartbeat every two seconds.</summary>
    Running,

    /// <summary>Reading plates but the bridge is unreachable: double blink.</summary>
    NoUplink,

    /// <summary>A part failed (camera, model, hardware): steady on.</summary>
    Fault,
}
