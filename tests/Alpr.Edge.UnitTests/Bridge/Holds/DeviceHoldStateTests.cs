using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge.Holds;

public sealed class DeviceHoldStateTests
{
    private static readonly Guid HoldId = Guid.Parse("0190f0b2-0000-7000-8000-000000000001");

    [Fact]
    public void Command_ids_are_the_same_for_one_hold_and_device_and_differ_otherwise()
    {
        Assert.Equal(HoldCommandIds.Place(HoldId, "pole-1"), HoldCommandIds.Place(HoldId, "pole-1"));
        Assert.NotEqual(HoldCommandIds.Place(HoldId, "pole-1"), HoldCommandIds.Place(HoldId, "pole-2"));
        Assert.NotEqual(HoldCommandIds.Place(HoldId, "pole-1"), HoldCommandIds.Release(HoldId, "pole-1"));
        Assert.NotEqual(HoldCommandIds.Place(HoldId, "pole-1"), HoldCommandIds.Place(Guid.NewGuid(), "pole-1"));
        Assert.Equal(8, HoldCommandIds.Place(HoldId, "pole-1").Version);
    }

    [Fact]
    public void The_device_hold_is_found_by_the_bridge_command_that_placed_it()
    {
        var events = new[]
        {
            Event("pole-1", "placed", HoldCommandIds.Place(Guid.NewGuid(), "pole-1"), 3),
            Event("pole-1", "placed", HoldCommandIds.Place(HoldId, "pole-1"), 7),
            Event("pole-2", "placed", HoldCommandIds.Place(HoldId, "pole-1"), 9),
        };

        Assert.Equal(new DeviceHoldState(7, false), DeviceHoldState.Of(HoldId, "pole-1", events));
        Assert.Equal(new DeviceHoldState(null, false), DeviceHoldState.Of(HoldId, "pole-2", events));
    }

    [Fact]
    public void A_released_event_for_that_device_hold_marks_it_released()
    {
        var events = new[]
        {
            Event("pole-1", "placed", HoldCommandIds.Place(HoldId, "pole-1"), 7),
            Event("pole-1", "released", Guid.NewGuid(), 8),
        };
        Assert.False(DeviceHoldState.Of(HoldId, "pole-1", events).Released);

        Assert.True(DeviceHoldState.Of(HoldId, "pole-1", [.. events, Event("pole-1", "released", Guid.NewGuid(), 7)]).Released);
    }

    [Fact]
    public void A_placed_event_without_a_readable_hold_id_is_not_taken()
    {
        var events = new[] { Event("pole-1", "placed", HoldCommandIds.Place(HoldId, "pole-1"), null) };

        Assert.Null(DeviceHoldState.Of(HoldId, "pole-1", events).DeviceHoldId);
    }

    private static DeviceEventMessage Event(string device, string action, Guid commandId, long? holdId) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = device,
        Kind = DeviceEventKinds.Hold,
        Severity = "info",
        OccurredAt = DateTimeOffset.UnixEpoch,
        Message = "hold",
        Data = new Dictionary<string, string>
        {
            ["action"] = action,
            ["commandId"] = commandId.ToString("D"),
            ["holdId"] = holdId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "x",
        },
    };
}
