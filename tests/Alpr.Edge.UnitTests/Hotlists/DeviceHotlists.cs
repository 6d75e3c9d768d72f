using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Hotlists.Bundles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Hotlists;

/// <summary>The device's hot-list parts over a real data folder, as a restart would build them.</summary>
internal sealed class DeviceHotlists : IDisposable
{
    public DeviceHotlists(string dataDirectory, byte[] trustedKey, string? localFile = null)
    {
        Time = new FakeTimeProvider(HotlistBuilder.Now);
        Installed = HotlistStartup.LoadLocal(localFile, Time, NullLogger.Instance);
        File = new LastGoodBundleFile(dataDirectory);
        Installer = new HotlistInstaller(Installed, new HotlistBundleVerifier([trustedKey]), File, Events, Time, NullLogger<HotlistInstaller>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public RecordingDeviceEvents Events { get; } = new();

    public InstalledHotlists Installed { get; }

    public LastGoodBundleFile File { get; }

    public HotlistInstaller Installer { get; }

    public void Dispose() => Installer.Dispose();
}
