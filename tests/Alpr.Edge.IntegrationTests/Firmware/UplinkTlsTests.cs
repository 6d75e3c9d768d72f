using System.Security.Cryptography.X509Certificates;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// Mutual TLS against a real Mosquitto with a TLS-only listener that requires client certificates. The tests
/// make their own CAs: the department's (broker and good devices) and a stranger's.
/// </summary>
public sealed class UplinkTlsTests() : TwoAuthoritiesTestBase("alpr-tls-it-")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_device_with_a_certificate_from_the_department_CA_connects_and_delivers()
    {
        await using var broker = await MosquittoBroker.StartAsync(Department.IssueBroker());
        var (bridgeCertificate, bridgeKey) = Department.IssueClient("test-bridge");
        await using var bridge = await TestBridge.ConnectAsync(broker.Url, (_, _) => true, builder => builder.WithTlsOptions(tls => tls
            .UseTls()
            .WithClientCertificates(new X509Certificate2Collection(X509Certificate2.CreateFromPemFile(bridgeCertificate, bridgeKey)))
            .WithTrustChain(new X509Certificate2Collection(X509Certificate2.CreateFromPem(File.ReadAllText(Department.CaFile))))));
        var observer = new FirmwareObserver();
        using var firmware = Build(broker, "tls-good", Department, Department.IssueClient("tls-good"), observer);
        await firmware.StartAsync();

        await observer.WaitForReadsAsync(2, Patience);
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();
        Assert.All(observer.StoredIds, id => Assert.True(bridge.DeliveriesOf(id) >= 1));
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_device_whose_certificate_comes_from_another_CA_is_refused_by_the_broker()
    {
        await using var broker = await MosquittoBroker.StartAsync(Department.IssueBroker());
        using var firmware = Build(broker, "tls-stranger", Department, Stranger.IssueClient("tls-stranger"));
        await firmware.StartAsync();

        await UplinkFirmware.WaitUntilAsync(() => LogRecorder.Logs.Count(l => l.EventId == 4001) >= 2, Patience, "two refused connection attempts");
        await firmware.StopAsync();
        Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId == 4000);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId == 4009);
    }

    [Fact]
    public async Task A_broker_whose_certificate_does_not_chain_to_the_configured_CA_is_refused_by_the_device()
    {
        await using var broker = await MosquittoBroker.StartAsync(Stranger.IssueBroker());
        using var firmware = Build(broker, "tls-wrong-broker", Department, Department.IssueClient("tls-wrong-broker"));
        await firmware.StartAsync();

        await UplinkFirmware.WaitUntilAsync(() => LogRecorder.Logs.Count(l => l.EventId == 4009) >= 2, Patience, "two refusals of the broker's certificate");
        await firmware.StopAsync();
        Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId == 4000);
        var refusal = LogRecorder.Logs.First(l => l.EventId == 4009);
        Assert.Contains("does not chain to the configured CA", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(Department.CaFile, refusal.Message, StringComparison.Ordinal);
    }

    private Microsoft.Extensions.Hosting.IHost Build(MosquittoBroker broker, string deviceId, TestCertificates trusted, (string Certificate, string Key) client, FirmwareObserver? observer = null) =>
        UplinkFirmware.Build(
            WorkDirectory,
            broker.Url,
            deviceId,
            observer ?? new FirmwareObserver(),
            LogRecorder,
            new ScriptedFrameSource(40, DateTimeOffset.UtcNow),
            i => i switch { < 10 => UplinkFirmware.HotPlate, >= 30 => "4XYZ567", _ => null },
            new Dictionary<string, string?>
            {
                [$"{UplinkOptions.SectionName}:{nameof(UplinkOptions.CaFile)}"] = trusted.CaFile,
                [$"{UplinkOptions.SectionName}:{nameof(UplinkOptions.ClientCertificateFile)}"] = client.Certificate,
                [$"{UplinkOptions.SectionName}:{nameof(UplinkOptions.ClientKeyFile)}"] = client.Key,
            });
}
