using Alpr.Edge.Capture.Simulation.Plates;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Traffic;

/// <summary>One vehicle's pass through the picture: it enters at the bottom and leaves at the top.</summary>
public sealed record SimulatedVehicle
{
    /// <summary>Vehicle number within the stream, from 0.</summary>
    public required int Id { get; init; }

    /// <summary>First frame the vehicle is (partly) in view.</summary>
    public required long EnterFrame { get; init; }

    /// <summary>Number of frames from entering to leaving.</summary>
    public required int DurationFrames { get; init; }

    /// <summary>Lane, 0 (left) or 1 (right).</summary>
    public required int Lane { get; init; }

    /// <summary>Body type.</summary>
    public required VehicleModel Model { get; init; }

    /// <summary>Paint colour.</summary>
    public required SKColor Colour { get; init; }

    /// <summary>The plate on the back.</summary>
    public required PlateDesign Plate { get; init; }

    /// <summary>Offset from the lane centre as a fraction of the body width.</summary>
    public required float LateralOffset { get; init; }

    /// <summary>Roll of the picture of the vehicle, in degrees (camera mounting and road camber).</summary>
    public required float RollDegrees { get; init; }

    /// <summary>Horizontal perspective term: the vehicle is slightly turned.</summary>
    public required float Yaw { get; init; }

    /// <summary>Horizontal shear of the picture of the vehicle.</summary>
    public required float Shear { get; init; }

    /// <summary>Frame after the last one it is in view.</summary>
    public long LeaveFrame => EnterFrame + DurationFrames;

    /// <summary>How far through its pass the vehicle is at <paramref name="frame"/>: 0 on entering, 1 on the last frame.</summary>
    public float ProgressAt(long frame) => DurationFrames <= 1 ? 0 : (float)(frame - EnterFrame) / (DurationFrames - 1);
}
