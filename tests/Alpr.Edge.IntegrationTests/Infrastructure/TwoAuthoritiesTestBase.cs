using Alpr.Edge.IntegrationTests.Bridge;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>
/// Set-up shared by the mutual-TLS tests: a temporary directory, a log recorder, the department's CA (broker and good
/// clients) and a stranger's CA, all made by the test and removed after it.
/// </summary>
public abstract class TwoAuthoritiesTestBase : IDisposable
{
    protected TwoAuthoritiesTestBase(string directoryPrefix)
    {
        WorkDirectory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        Department = new TestCertificates(WorkDirectory, "department");
        Stranger = new TestCertificates(WorkDirectory, "stranger");
    }

    /// <summary>The test's own temporary directory (certificates, data folders).</summary>
    protected string WorkDirectory { get; }

    /// <summary>What the code under test logged.</summary>
    protected RecordingLoggerProvider LogRecorder { get; } = new();

    /// <summary>The department's CA: the broker's certificate and the good clients' come from it.</summary>
    protected TestCertificates Department { get; }

    /// <summary>A CA nobody trusts.</summary>
    protected TestCertificates Stranger { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Department.Dispose();
            Stranger.Dispose();
            LogRecorder.Dispose();
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }
}
