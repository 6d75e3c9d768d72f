using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Hotlists.Entries;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class HotlistHitFactoryTests
{
    private static readonly PlateReadMessage Read = new()
    {
        Id = Guid.CreateVersion7(Now),
        DeviceId = "pole-1",
        Camera = "north",
        Plate = "7A8C123",
        Confidence = 0.9,
        CapturedAt = Now,
        Box = new PlateBox(1, 2, 3, 4),
        Alternatives = [new PlateAlternative("7ABC123", 0.4)],
    };

    [Fact]
    public void A_hit_carries_what_an_officer_and_an_auditor_need_and_starts_unverified()
    {
        var entry = Entry("7ABC123", MatchStrictness.Confusions) with { IssuingState = "CA", CaseNumber = "C-1", DetailsFromClets = true, CletsReference = "opaque-7" };
        var match = Assert.Single(Compile(entry).Match("7A8C123"));

        var hit = HotlistHitFactory.Create(match, Read, Guid.NewGuid());

        Assert.Equal(HitVerification.Unverified, hit.Verification);
        Assert.Equal("fuzzy", hit.MatchKind);
        Assert.Equal("7A8C123", hit.MatchedText);
        Assert.Null(hit.MatchedAlternative);
        Assert.Equal([new HotlistHitSubstitution(2, '8', 'B')], hit.Substitutions);
        Assert.Equal("fuzzy: 8->B at 3", hit.MatchDetail);
        Assert.Equal(0.9, hit.Score);
        Assert.Equal("id-7ABC123", hit.EntryId);
        Assert.Equal(7, hit.ListVersion);
        Assert.Equal("CA", hit.IssuingState);
        Assert.Equal("opaque-7", hit.CletsReference);
        Assert.Equal("C-1", hit.CaseNumber);
        Assert.Equal("7ABC123", hit.EntryPlate);
    }

    [Fact]
    public void A_hit_round_trips_through_the_wire_format()
    {
        var match = Assert.Single(Compile(Entry("7AB?1*", MatchStrictness.Confusions)).Match("7A8C123"));
        var hit = HotlistHitFactory.Create(match, Read, Guid.NewGuid());

        Assert.True(WireFormat.TryParse(WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage), ContractsJson.Default.HotlistHitMessage, out var parsed, out var error), error);

        Assert.Equal("partial", parsed!.MatchKind);
        Assert.Equal(hit.Substitutions, parsed.Substitutions);
        Assert.Equal(hit.MatchDetail, parsed.MatchDetail);
    }

    [Fact]
    public void A_hit_from_an_older_device_without_the_new_fields_still_parses()
    {
        var old = """{"id":"0195a0a0-0000-7000-8000-000000000001","read":{"id":"0195a0a0-0000-7000-8000-000000000002","deviceId":"p","camera":"c","plate":"7ABC123","confidence":0.9,"capturedAt":"2026-03-01T12:00:00+00:00","box":{"x":1,"y":2,"width":3,"height":4},"alternatives":[]},"listName":"l","category":"c","entryPlate":"7ABC123","matchKind":"exact"}""";

        Assert.True(WireFormat.TryParse(System.Text.Encoding.UTF8.GetBytes(old), ContractsJson.Default.HotlistHitMessage, out var parsed, out var error), error);
        Assert.Null(parsed!.Score);
    }
}
