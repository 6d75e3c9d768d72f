using System.Security.Cryptography;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Contracts;
using Alpr.Edge.Contracts.Signing;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// A device that trusts the bridge's key (<c>Uplink:TrustedBridgeKeyFiles</c>) on a real Mosquitto: an attacker who sees
/// the device's reads cannot make it mark them transferred with an unsigned, stranger-signed, misaddressed, expired or
/// replayed acknowledgement, nor make it apply an unsigned command; the real bridge's signed acknowledgements and
/// commands work end to end.
/// </summary>
public sealed class SignedUplinkTests() : UplinkTestBase("alpr-signed-it-")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Forged_acknowledgements_mark_nothing_and_one_signed_by_the_bridge_key_marks_the_reads()
    {
        using var bridgeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var trusted = Path.Combine(WorkDirectory, "bridge.pub.pem");
        await File.WriteAllTextAsync(trusted, bridgeKey.ExportSubjectPublicKeyInfoPem());
        await using var attacker = await TestBridge.ConnectAsync(Broker.Url, (_, _) => false);
        var observer = new FirmwareObserver();
        using var firmware = Build("signed-pole", observer, trusted);
        await firmware.StartAsync();
        await attacker.WaitForDistinctDeliveriesAsync(2, Patience);
        var ids = attacker.Deliveries.Where(d => d.Kind == "read").Select(d => d.Id).Distinct().ToList();

        var now = DateTimeOffset.UtcNow;
        var forgeries = new[]
        {
            Json(Ack(ids, "signed-pole", now)),
            new UplinkSigner(strangerKey).Sign(Json(Ack(ids, "signed-pole", now))),
            new UplinkSigner(bridgeKey).Sign(Json(Ack(ids, "other-pole", now))),
            new UplinkSigner(bridgeKey).Sign(Json(Ack(ids, "signed-pole", now.AddHours(-2)))),
        };
        foreach (var forged in forgeries)
        {
            await attacker.PublishRawAsync(MqttTopics.Ack("signed-pole"), forged);
        }

        await UplinkFirmware.WaitUntilAsync(() => Refusals().Count >= forgeries.Length, Patience, "the four refusals");
        Assert.All(ids, id => Assert.False(observer.IsAcknowledged(id)));
        Assert.Contains(Refusals(), r => r.Contains("not signed", StringComparison.Ordinal));
        Assert.Contains(Refusals(), r => r.Contains("not a trusted bridge key", StringComparison.Ordinal));
        Assert.Contains(Refusals(), r => r.Contains("'other-pole', not this one", StringComparison.Ordinal));
        Assert.Contains(Refusals(), r => r.Contains("expired", StringComparison.Ordinal));

        var genuine = new UplinkSigner(bridgeKey).Sign(Json(Ack(ids, "signed-pole", DateTimeOffset.UtcNow)));
        await attacker.PublishRawAsync(MqttTopics.Ack("signed-pole"), genuine);
        await observer.WaitForAcknowledgementsAsync(ids, Patience);
        await attacker.PublishRawAsync(MqttTopics.Ack("signed-pole"), genuine);
        await UplinkFirmware.WaitUntilAsync(() => Refusals().Any(r => r.Contains("replayed", StringComparison.Ordinal)), Patience, "the replay's refusal");
        await firmware.StopAsync();
    }

    [Fact]
    public async Task The_bridge_signs_its_acknowledgements_and_commands_and_an_unsigned_command_is_refused()
    {
        var data = Directory.CreateTempSubdirectory("alpr-signed-bridge-").FullName;
        try
        {
            var key = new HotlistSigningKey(data);
            key.Create(replace: false);
            await using var bridge = await RunningBridge.StartAsync(nameof(The_bridge_signs_its_acknowledgements_and_commands_and_an_unsigned_command_is_refused), Broker.Url, data);
            await using var attacker = await TestBridge.ConnectAsync(Broker.Url, (_, _) => false);
            var observer = new FirmwareObserver();
            using var firmware = Build("signed-pole-2", observer, key.PublicPath);
            await firmware.StartAsync();

            await observer.WaitForReadsAsync(2, Patience);
            await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
            var unsigned = new DeviceCommandMessage
            {
                Id = Guid.NewGuid(),
                Command = DeviceCommands.ReleaseHold,
                HoldId = 1,
                Reason = "forged",
                RequestedBy = "nobody",
                IssuedAt = DateTimeOffset.UtcNow,
            };
            await attacker.PublishRawAsync(MqttTopics.Command("signed-pole-2"), WireFormat.Serialize(unsigned, ContractsJson.Default.DeviceCommandMessage));
            await UplinkFirmware.WaitUntilAsync(
                () => LogRecorder.Logs.Any(l => l.EventId == 4010 && l.Message.Contains("not signed", StringComparison.Ordinal)), Patience, "the unsigned command's refusal");

            var ingest = bridge.Host.Services.GetRequiredService<MqttIngestService>();
            Assert.True(await ingest.SendCommandAsync("signed-pole-2", new DeviceCommandMessage
            {
                Id = Guid.NewGuid(),
                Command = DeviceCommands.PlaceHold,
                Hold = new HoldSpec { Plate = UplinkFirmware.HotPlate },
                Reason = "case 42",
                RequestedBy = "det. test",
                IssuedAt = DateTimeOffset.UtcNow,
            }, CancellationToken.None));
            await UplinkFirmware.WaitUntilAsync(() => LogRecorder.Logs.Any(l => l.EventId == 4014), Patience, "the signed hold applied");
            Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId == 4014 && l.Message.Contains("released", StringComparison.Ordinal));
            await firmware.StopAsync();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private List<string> Refusals() => [.. LogRecorder.Logs.Where(l => l.EventId == 4002).Select(l => l.Message)];

    private IHost Build(string deviceId, FirmwareObserver observer, string trustedKeyFile) => UplinkFirmware.Build(
        WorkDirectory,
        Broker.Url,
        deviceId,
        observer,
        LogRecorder,
        new ScriptedFrameSource(40, DateTimeOffset.UtcNow),
        i => i switch { < 10 => UplinkFirmware.HotPlate, >= 30 => "4XYZ567", _ => null },
        new Dictionary<string, string?> { ["Uplink:TrustedBridgeKeyFiles:0"] = trustedKeyFile });

    private static ReadAcknowledgement Ack(IReadOnlyList<Guid> ids, string deviceId, DateTimeOffset at) => new()
    {
        Ids = ids,
        StoredAt = at,
        DeviceId = deviceId,
        Nonce = Guid.NewGuid(),
        ExpiresAt = at.AddMinutes(15),
    };

    private static byte[] Json(ReadAcknowledgement ack) => WireFormat.Serialize(ack, ContractsJson.Default.ReadAcknowledgement);
}
