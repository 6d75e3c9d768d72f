using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Alpr.Edge.Contracts;
using Alpr.Edge.Contracts.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>
/// What the device accepts as coming from the bridge once it trusts a bridge key: a signed acknowledgement or command for
/// this device, unexpired and not seen before. Everything else is refused with a reason: unsigned, another key, a changed
/// payload, another device, expired, issued in the future, too long a life, replayed, claims missing.
/// </summary>
public sealed class SignedBridgeMessageTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly ECDsa _bridgeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly UplinkMessageOpener _opener;

    public SignedBridgeMessageTests() => _opener = new UplinkMessageOpener([_bridgeKey.ExportSubjectPublicKeyInfo()], "pole-1", _time);

    [Fact]
    public void A_signed_acknowledgement_for_this_device_opens()
    {
        var ack = Ack();

        Assert.True(Open(Sign(ack), out var opened, out var refusal), refusal);
        Assert.Equal(ack.Ids, opened!.Ids);
    }

    [Fact]
    public void An_unsigned_acknowledgement_is_refused()
    {
        Assert.False(Open(WireFormat.Serialize(Ack(), ContractsJson.Default.ReadAcknowledgement), out _, out var refusal));
        Assert.StartsWith("not signed", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void One_signed_by_another_key_is_refused()
    {
        Assert.False(Open(new UplinkSigner(_strangerKey).Sign(Json(Ack())), out _, out var refusal));
        Assert.Contains("not a trusted bridge key", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_payload_or_a_signature_moved_onto_another_key_id_is_refused()
    {
        var envelope = JsonNode.Parse(Sign(Ack()))!;
        var forged = Json(Ack() with { Ids = [Guid.NewGuid(), Guid.NewGuid()] });
        envelope["payload"] = Convert.ToBase64String(forged);

        Assert.False(Open(Encoding.UTF8.GetBytes(envelope.ToJsonString()), out _, out var refusal));
        Assert.Contains("does not verify", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void One_for_another_device_is_refused()
    {
        Assert.False(Open(Sign(Ack() with { DeviceId = "pole-2" }), out _, out var refusal));
        Assert.Contains("device 'pole-2', not this one", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_one_is_refused()
    {
        var signed = Sign(Ack());
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.False(Open(signed, out _, out var refusal));
        Assert.StartsWith("expired at", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 20)]
    [InlineData(0, 60 * 25)]
    [InlineData(0, -1)]
    public void One_issued_in_the_future_or_claiming_too_long_a_life_is_refused(int issuedInMinutes, int livesMinutes)
    {
        var issued = _time.GetUtcNow().AddMinutes(issuedInMinutes);
        var ack = Ack() with { StoredAt = issued, ExpiresAt = issued.AddMinutes(livesMinutes) };

        Assert.False(Open(Sign(ack), out _, out var refusal));
        Assert.Matches("not a life this device accepts|expired", refusal!);
    }

    [Fact]
    public void A_replayed_acknowledgement_is_refused()
    {
        var signed = Sign(Ack());

        Assert.True(Open(signed, out _, out _));
        Assert.False(Open(signed, out _, out var refusal));
        Assert.StartsWith("replayed", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_delivered_command_passes_the_opener_and_is_left_to_the_handlers_once_only_rule()
    {
        var command = new DeviceCommandMessage
        {
            Id = Guid.NewGuid(),
            Command = DeviceCommands.PlaceHold,
            Hold = new HoldSpec { Plate = "7ABC123" },
            Reason = "case 1",
            RequestedBy = "det. smith",
            IssuedAt = _time.GetUtcNow(),
            DeviceId = "pole-1",
            ExpiresAt = _time.GetUtcNow().AddHours(1),
        };
        var signed = new UplinkSigner(_bridgeKey).Sign(WireFormat.Serialize(command, ContractsJson.Default.DeviceCommandMessage));

        for (var i = 0; i < 2; i++)
        {
            Assert.True(_opener.TryOpen(signed, ContractsJson.Default.DeviceCommandMessage, c => c.Claims(), checkReplay: false, out var opened, out var refusal), refusal);
            Assert.Equal(command.Id, opened!.Id);
        }
    }

    [Fact]
    public void A_signed_message_without_its_claims_is_refused()
    {
        Assert.False(Open(Sign(Ack() with { Nonce = null }), out _, out var refusal));
        Assert.Equal("a signed message needs a nonce, issuedAt and expiresAt", refusal);
    }

    public void Dispose()
    {
        _opener.Dispose();
        _bridgeKey.Dispose();
        _strangerKey.Dispose();
    }

    private ReadAcknowledgement Ack() => new()
    {
        Ids = [Guid.NewGuid()],
        StoredAt = _time.GetUtcNow(),
        DeviceId = "pole-1",
        Nonce = Guid.NewGuid(),
        ExpiresAt = _time.GetUtcNow().AddMinutes(15),
    };

    private static byte[] Json(ReadAcknowledgement ack) => WireFormat.Serialize(ack, ContractsJson.Default.ReadAcknowledgement);

    private byte[] Sign(ReadAcknowledgement ack) => new UplinkSigner(_bridgeKey).Sign(Json(ack));

    private bool Open(byte[] payload, out ReadAcknowledgement? ack, out string? refusal) =>
        _opener.TryOpen(payload, ContractsJson.Default.ReadAcknowledgement, a => a.Claims(), checkReplay: true, out ack, out refusal);
}
