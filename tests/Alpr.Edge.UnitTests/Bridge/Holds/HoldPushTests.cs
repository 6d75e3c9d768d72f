using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge.Holds;

public sealed class HoldPushTests
{
    private static readonly DateTimeOffset Now = TestRecords.Noon;

    [Fact]
    public void A_plate_hold_without_a_device_goes_to_every_known_device_as_a_plate_hold()
    {
        var commands = HoldPush.Commands(Hold("7ABC123", null, Now.AddDays(-3), Now), ["pole-1", "pole-2", "pole-1"], Now, out var notPushed);

        Assert.Null(notPushed);
        Assert.Equal(["pole-1", "pole-2"], commands.Select(c => c.DeviceId));
        Assert.All(commands, c => Assert.Equal((DeviceCommands.PlaceHold, "7ABC123", (DateTimeOffset?)null), (c.Command.Command, c.Command.Hold!.Plate, c.Command.Hold.From)));
        Assert.All(commands, c => Assert.Equal(("Det. Reyes", "case C-1: robbery"), (c.Command.RequestedBy, c.Command.Reason)));
    }

    [Fact]
    public void A_window_hold_on_one_device_goes_to_that_device_only()
    {
        var commands = HoldPush.Commands(Hold(null, "pole-2", Now.AddDays(-3), Now), ["pole-1", "pole-2"], Now, out var notPushed);

        Assert.Null(notPushed);
        var (device, command) = Assert.Single(commands);
        Assert.Equal(("pole-2", Now.AddDays(-3), Now), (device, command.Hold!.From, command.Hold.To));
    }

    [Fact]
    public void A_hold_on_a_device_alone_is_not_pushed_and_says_why()
    {
        var commands = HoldPush.Commands(Hold(null, "pole-2", null, null), ["pole-2"], Now, out var notPushed);

        Assert.Empty(commands);
        Assert.StartsWith("a device hold needs a plate or a whole time window", notPushed, StringComparison.Ordinal);
    }

    private static LegalHold Hold(string? plate, string? device, DateTimeOffset? from, DateTimeOffset? to)
    {
        Assert.True(LegalHold.TryCreate("C-1", plate, device, from, to, "Det. Reyes", "robbery", Now, out var hold, out var error), error);
        return hold!;
    }
}
