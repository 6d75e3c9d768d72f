using Alpr.Edge.Capture.Simulation.Traffic;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>Where a vehicle is in one frame: the matrix from its scene units to frame pixels.</summary>
/// <param name="Vehicle">The vehicle.</param>
/// <param name="Transform">Scene units (origin at the middle of its ground line) to frame pixels, with perspective.</param>
/// <param name="GroundY">Frame row of its ground line; larger is nearer.</param>
/// <param name="Scale">Pixels per scene unit.</param>
public sealed record VehiclePose(SimulatedVehicle Vehicle, SKMatrix Transform, float GroundY, float Scale)
{
    // The rear of a vehicle below the camera leans away a little: its lower part is nearer.
    private const float Pitch = -0.0001f;

    /// <summary>The pose of <paramref name="vehicle"/> at <paramref name="frame"/>: driving away, bottom edge to top edge.</summary>
    public static VehiclePose At(SimulatedVehicle vehicle, long frame, StreetGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(geometry);
        var model = vehicle.Model;
        var enterY = geometry.Height + 0.42f * model.Height * geometry.ScaleAt(geometry.Height);
        var leaveY = 0.16f * model.Height * geometry.ScaleAt(0);
        var groundY = enterY + (leaveY - enterY) * vehicle.ProgressAt(frame);
        var scale = geometry.ScaleAt(groundY);
        var laneX = geometry.RoadLineX(StreetGeometry.LaneCentre(vehicle.Lane), groundY);
        var groundX = laneX + vehicle.LateralOffset * model.Width * scale;

        var perspective = new SKMatrix(1, 0, 0, 0, 1, 0, vehicle.Yaw, Pitch, 1);
        var transform = SKMatrix.CreateTranslation(groundX, groundY)
            .PreConcat(SKMatrix.CreateScale(scale, scale))
            .PreConcat(SKMatrix.CreateRotationDegrees(vehicle.RollDegrees))
            .PreConcat(SKMatrix.CreateSkew(vehicle.Shear, 0))
            .PreConcat(SKMatrix.CreateTranslation(0, -model.Height / 2))
            .PreConcat(perspective)
            .PreConcat(SKMatrix.CreateTranslation(0, model.Height / 2));
        return new VehiclePose(vehicle, transform, groundY, scale);
    }
}
