using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// What the uplink tests on a real Mosquitto share: a broker started before each test and stopped after it, a temporary
/// directory for the devices' data (deleted afterwards) and a recorder of everything the firmware logs.
/// </summary>
public abstract class UplinkTestBase(string directoryPrefix) : IAsyncLifetime, IDisposable
{
    /// <summary>The test's own temporary directory.</summary>
    protected string WorkDirectory { get; } = Directory.CreateTempSubdirectory(directoryPrefix).FullName;

    /// <summary>What the firmware logged.</summary>
    protected RecordingLoggerProvider LogRecorder { get; } = new();

    /// <summary>The broker, started by <see cref="InitializeAsync"/>.</summary>
    protected MosquittoBroker Broker { get; private set; } = null!;

    public async Task InitializeAsync() => Broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            LogRecorder.Dispose();
        }
    }
}
