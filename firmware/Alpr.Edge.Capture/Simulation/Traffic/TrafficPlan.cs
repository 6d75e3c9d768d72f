using Alpr.Edge.Capture.Simulation.Plates;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Traffic;

/// <summary>
/// The sequence of vehicles of a simulated stream, drawn lazily from one seeded <see cref="Random"/> so the plan
/// for a frame depends only on the seed and options, not on which frames were asked for first. Two lanes, at most
/// one vehicle per lane, so one or two vehicles at a time, with empty road now and then. Thread-safe.
/// </summary>
public sealed class TrafficPlan
{
    private static readonly SKColor[] Paints =
    [
        new(0xE6, 0xE6, 0xE3), // white
        new(0xA8, 0xAC, 0xB0), // silver
        new(0x1E, 0x20, 0x23), // black
        new(0x9E, 0x1B, 0x20), // red
        new(0x1F, 0x3F, 0x7A), // blue
        new(0x26, 0x47, 0x30), // green
        new(0x5A, 0x5E, 0x62), // grey
        new(0xC4, 0xB4, 0x8E), // beige
        new(0xD9, 0xA4, 0x1E), // yellow
    ];

    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly PlateIssuer _plates;
    private readonly List<SimulatedVehicle> _vehicles = [];
    private readonly long[] _laneFreeFrom = new long[2];
    private long _lastEnter;
    private long _roadClearFrom;

    /// <summary>Creates the plan for <paramref name="seed"/>; <paramref name="plateTexts"/> (if any) are the plates, in order.</summary>
    public TrafficPlan(int seed, IReadOnlyList<string>? plateTexts)
    {
        _random = new Random(seed);
        _plates = new PlateIssuer(new Random(unchecked(seed * 31 + 7)), plateTexts);
    }

    /// <summary>Vehicles at least partly in view at <paramref name="frame"/>, in order of entering.</summary>
    public IReadOnlyList<SimulatedVehicle> VehiclesAt(long frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        lock (_gate)
        {
            while (_vehicles.Count == 0 || _vehicles[^1].EnterFrame <= frame)
            {
                _vehicles.Add(NextVehicle());
            }

            var inView = new List<SimulatedVehicle>(2);
            foreach (var vehicle in _vehicles)
            {
                if (vehicle.EnterFrame <= frame && frame < vehicle.LeaveFrame)
                {
                    inView.Add(vehicle);
                }
            }

            return inView;
        }
    }

    private SimulatedVehicle NextVehicle()
    {
        var id = _vehicles.Count;
        var lane = _random.Next(2);
        var duration = _random.Next(8, 21);
        long enter = 0;
        if (id > 0)
        {
            enter = Math.Max(_lastEnter + _random.Next(3, 12), _laneFreeFrom[lane] + _random.Next(1, 6));
            if (_random.NextDouble() < 0.3)
            {
                // Now and then the road empties before the next vehicle.
                enter = Math.Max(enter, _roadClearFrom + _random.Next(2, 10));
            }
        }

        var vehicle = new SimulatedVehicle
        {
            Id = id,
            EnterFrame = enter,
            DurationFrames = duration,
            Lane = lane,
            Model = VehicleModel.All[_random.Next(VehicleModel.All.Count)],
            Colour = Paints[_random.Next(Paints.Length)],
            Plate = _plates.Next(),
            LateralOffset = Uniform(-0.06f, 0.06f),
            RollDegrees = Uniform(-2.5f, 2.5f),
            Yaw = Uniform(-0.00018f, 0.00018f),
            Shear = Uniform(-0.05f, 0.05f),
        };
        _lastEnter = enter;
        _laneFreeFrom[lane] = vehicle.LeaveFrame;
        _roadClearFrom = Math.Max(_roadClearFrom, vehicle.LeaveFrame);
        return vehicle;
    }

    private float Uniform(float min, float max) => min + (float)_random.NextDouble() * (max - min);
}
