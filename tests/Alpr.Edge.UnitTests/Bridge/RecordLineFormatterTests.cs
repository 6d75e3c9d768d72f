using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class RecordLineFormatterTests
{
    [Fact]
    public void Read_line_shows_utc_time_device_camera_plate_and_confidence_when_plates_are_asked_for()
    {
        var read = TestRecords.Read("pole-1") with { CapturedAt = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.FromHours(-8)), Confidence = 0.966 };

        Assert.Equal("READ  2026-11-28T10:00:00Z pole-1/cam0  7ABC123  0.97", RecordLineFormatter.Format(read, withPlate: true));
    }

    [Fact]
    public void By_default_a_line_names_the_record_and_its_list_never_the_plate()
    {
        var read = TestRecords.Read("pole-1") with { CapturedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), Confidence = 0.966 };
        var hit = TestRecords.Hit(read);

        var readLine = RecordLineFormatter.Format(read);
        var hitLine = RecordLineFormatter.Format(hit);

        Assert.Equal($"READ  2026-11-28T10:00:00Z pole-1/cam0  id {read.Id:D}  0.97", readLine);
        Assert.Equal($"HIT   2026-11-28T10:00:00Z pole-1/cam0  id {hit.Id:D} list ncic-stolen stolen-vehicle (exact) UNVERIFIED", hitLine);
        Assert.DoesNotContain(read.Plate, readLine + hitLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Hit_line_ends_with_its_verification_state()
    {
        var hit = TestRecords.Hit(TestRecords.Read("pole-1") with { CapturedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero) });

        Assert.Equal(
            "HIT   2026-11-28T10:00:00Z pole-1/cam0  7ABC123 stolen-vehicle (exact) UNVERIFIED",
            RecordLineFormatter.Format(hit, withPlate: true));
        Assert.EndsWith("CONFIRMED", RecordLineFormatter.Format(hit with { Verification = HitVerification.Confirmed }), StringComparison.Ordinal);
    }
}
