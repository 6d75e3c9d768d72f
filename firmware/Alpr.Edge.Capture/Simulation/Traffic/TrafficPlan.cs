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

    /// <summary>The longest pass of a vehicle, in frames.</summary>
    public const int MaxDurationFrames = 20;

    // An endless stream keeps only recent vehicles; asking for an older frame replays the plan from the start.
    private const int KeptVehicles = 1024;

    private readonly Lock _gate = new();
    private readonly int _seed;
    private readonly IReadOnlyList<string>? _plateTexts;
    private readonly List<SimulatedVehicle> _vehicles = [];
    private readonly long[] _laneFreeFrom = new long[2];
    private Random _random = null!;
    private PlateIssuer _plates = null!;
    private int _nextId;
    private long _lastEnter;
    private long _roadClearFrom;

    /// <summary>Creates the plan for <paramref name="seed"/>; <paramref name="plateTexts"/> (if any) are the plates, in order.</summary>
    public TrafficPlan(int seed, IReadOnlyList<string>? plateTexts)
    {
        _seed = seed;
        _plateTexts = plateTexts;
        Restart();
    }

    /// <summary>Vehicles at least partly in view at <paramref name="frame"/>, in order of entering.</summary>
    public IReadOnlyList<SimulatedVehicle> VehiclesAt(long frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        lock (_gate)
        {
            if (_vehicles.Count > 0 && _vehicles[0].Id > 0 && _vehicles[0].EnterFrame > frame - MaxDurationFrames)
            {
                Restart();
            }

            while (_vehicles.Count == 0 || _vehicles[^1].EnterFrame <= frame)
            {
                _vehicles.Add(NextVehicle());
                if (_vehicles.Count > 2 * KeptVehicles && _vehicles[KeptVehicles].EnterFrame < frame - MaxDurationFrames)
                {
                    _vehicles.RemoveRange(0, KeptVehicles);
                }
            }

            // Entering frames only grow, so the vehicles in view are among the last few that entered by now.
            var inView = new List<SimulatedVehicle>(2);
            for (var i = _vehicles.Count - 1; i >= 0 && _vehicles[i].EnterFrame > frame - MaxDurationFrames - 1; i--)
            {
                var vehicle = _vehicles[i];
                if (vehicle.EnterFrame <= frame && frame < vehicle.LeaveFrame)
                {
                    inView.Insert(0, vehicle);
                }
            }

            return inView;
        }
    }

    private void Restart()
    {
        _random = new Random(_seed);
        _plates = new PlateIssuer(new Random(unchecked(_seed * 31 + 7)), _plateTexts);
        _vehicles.Clear();
        Array.Clear(_laneFreeFrom);
        _nextId = 0;
        _lastEnter = 0;
        _roadClearFrom = 0;
    }

    private SimulatedVehicle NextVehicle()
    {
        var id = _nextId++;
        var lane = _random.Next(2);
        var duration = _random.Next(8, MaxDurationFrames + 1);
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
