using Alpr.Edge.Capture.Simulation.Traffic;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class TrafficPlanTests
{
    [Fact]
    public void Plan_of_an_old_frame_is_the_same_after_a_long_stream_has_been_pruned()
    {
        var longRunning = new TrafficPlan(21, null);
        var fresh = new TrafficPlan(21, null);

        var late = longRunning.VehiclesAt(40_000);
        var early = longRunning.VehiclesAt(10);

        Assert.Equal(Describe(fresh.VehiclesAt(10)), Describe(early));
        Assert.Equal(Describe(fresh.VehiclesAt(40_000)), Describe(late));
    }

    [Fact]
    public void Vehicles_in_view_share_no_lane_and_pass_in_eight_to_twenty_frames()
    {
        var plan = new TrafficPlan(5, null);

        for (var frame = 0; frame < 2_000; frame++)
        {
            var inView = plan.VehiclesAt(frame);
            Assert.InRange(inView.Count, 0, 2);
            Assert.Equal(inView.Count, inView.Select(v => v.Lane).Distinct().Count());
            Assert.All(inView, v => Assert.InRange(v.DurationFrames, 8, 20));
        }
    }

    private static string[] Describe(IReadOnlyList<SimulatedVehicle> vehicles) =>
        [.. vehicles.Select(v => $"{v.Id}:{v.EnterFrame}:{v.Lane}:{v.Plate.Text}:{v.Model.Name}:{v.Colour}")];
}
