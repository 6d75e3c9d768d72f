namespace Alpr.Edge.Bridge.Loadgen;

/// <summary>What the load generator does: bounded in count and time, and aimed at a broker on this machine only.</summary>
/// <param name="Broker">The broker, <c>mqtt://127.0.0.1:PORT</c> (loopback only).</param>
/// <param name="Devices">Simulated devices, each its own MQTT client (1 to 1,000).</param>
/// <param name="Rate">Records per second over all devices (1 to 100,000).</param>
/// <param name="Count">Records in all (1 to 10,000,000).</param>
/// <param name="ImageBytes">0: plain reads (one in 50 a hit); more: every record is a hit carrying a plate crop and an overview of this many bytes together (at most 200,000).</param>
/// <param name="MaxDuration">Longest the run may take, publishing and draining together.</param>
public sealed record LoadgenSettings(Uri Broker, int Devices, int Rate, int Count, int ImageBytes, TimeSpan MaxDuration)
{
    /// <summary>Null when the settings are usable, else a one-line reason naming the option.</summary>
    public string? Problem() =>
        Broker is null || Broker.Scheme != "mqtt" || !System.Net.IPAddress.TryParse(Broker.Host, out var address) || !System.Net.IPAddress.IsLoopback(address)
            ? "--broker: the load generator targets only a plain broker on this machine, mqtt://127.0.0.1:PORT"
            : Devices is < 1 or > 1000 ? "--devices: 1 to 1000"
            : Rate is < 1 or > 100_000 ? "--rate: 1 to 100000 records per second"
            : Count is < 1 or > 10_000_000 ? "--count: 1 to 10000000"
            : ImageBytes is < 0 or > 200_000 ? "--image-bytes: 0 to 200000"
            : MaxDuration <= TimeSpan.Zero || MaxDuration > TimeSpan.FromHours(1) ? "--max-duration: more than 0 and at most 01:00:00"
            : null;
}
