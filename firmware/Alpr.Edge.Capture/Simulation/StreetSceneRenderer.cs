using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Simulation.Plates;
using Alpr.Edge.Capture.Simulation.Scene;
using Alpr.Edge.Capture.Simulation.Traffic;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation;

/// <summary>
/// Renders the simulated street: frame <c>n</c> is a pure function of the options and <c>n</c>, so the same seed
/// gives byte-identical pixels whatever order frames are asked for in. Safe to call from several threads.
/// </summary>
public sealed class StreetSceneRenderer : IDisposable
{
    private readonly SimulatedCameraOptions _options;
    private readonly StreetGeometry _geometry;
    private readonly TrafficPlan _traffic;
    private readonly PlateTypeface _typeface;
    private readonly PlatePainter _platePainter;
    private readonly SKColorFilter? _sceneFilter;
    private readonly SKColorFilter? _plateFilter;
    private readonly SKImage _background;

    /// <summary>Creates a renderer; throws <see cref="ArgumentException"/> for bad options and <see cref="FileNotFoundException"/> without the plate font.</summary>
    public StreetSceneRenderer(SimulatedCameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _geometry = new StreetGeometry(options.Width, options.Height);
        _traffic = new TrafficPlan(options.Seed, options.PlateTexts);
        _typeface = PlateTypeface.Load(options.FontPath);
        _platePainter = new PlatePainter(_typeface);
        if (options.Night)
        {
            _sceneFilter = NightLook.CreateSceneFilter();
            _plateFilter = NightLook.CreatePlateFilter();
        }

        _background = RoadPainter.Render(_geometry, options.Seed, _sceneFilter);
    }

    /// <summary>The options frames are rendered with.</summary>
    public SimulatedCameraOptions Options => _options;

    /// <summary>Renders frame <paramref name="sequence"/>; the caller owns the returned bitmap.</summary>
    public RenderedFrame Render(long sequence)
    {
        var poses = PosesAt(sequence);
        var info = new SKImageInfo(_options.Width, _options.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.DrawImage(_background, 0, 0);
        foreach (var pose in poses)
        {
            canvas.SetMatrix(pose.Transform);
            VehiclePainter.Draw(canvas, pose.Vehicle, _sceneFilter);
            var plateCentre = VehiclePainter.PlateCentre(pose.Vehicle.Model);
            canvas.Translate(plateCentre.X, plateCentre.Y);
            _platePainter.Draw(canvas, pose.Vehicle.Plate, _plateFilter);
        }

        canvas.ResetMatrix();
        using var scene = surface.Snapshot();
        var random = new Random(FrameSeed(_options.Seed, sequence));
        var look = SensorLook.For(sequence, random, _options.Night);
        var image = new SKBitmap(info);
        try
        {
            SensorEffects.Apply(scene, image, look, random);
            return new RenderedFrame(image, GroundTruthOf(sequence, poses));
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>What frame <paramref name="sequence"/> shows, without rendering it.</summary>
    public FrameGroundTruth GetGroundTruth(long sequence) => GroundTruthOf(sequence, PosesAt(sequence));

    /// <inheritdoc />
    public void Dispose()
    {
        _background.Dispose();
        _sceneFilter?.Dispose();
        _plateFilter?.Dispose();
        _typeface.Dispose();
    }

    private List<VehiclePose> PosesAt(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return _traffic.VehiclesAt(sequence)
            .Select(vehicle => VehiclePose.At(vehicle, sequence, _geometry))
            .OrderBy(pose => pose.GroundY)
            .ToList();
    }

    private FrameGroundTruth GroundTruthOf(long sequence, List<VehiclePose> poses)
    {
        var plates = new List<PlateGroundTruth>(poses.Count);
        foreach (var pose in poses)
        {
            var centre = VehiclePainter.PlateCentre(pose.Vehicle.Model);
            const float HalfWidth = PlatePainter.PlateWidth / 2;
            const float HalfHeight = PlatePainter.PlateHeight / 2;
            var quad = new[]
            {
                Map(pose.Transform, centre.X - HalfWidth, centre.Y - HalfHeight),
                Map(pose.Transform, centre.X + HalfWidth, centre.Y - HalfHeight),
                Map(pose.Transform, centre.X + HalfWidth, centre.Y + HalfHeight),
                Map(pose.Transform, centre.X - HalfWidth, centre.Y + HalfHeight),
            };
            var box = PixelBox.Around(quad, _options.Width, _options.Height);
            if (box.Width == 0 || box.Height == 0)
            {
                continue;
            }

            var fullyVisible = quad.All(p => p.X >= 0 && p.Y >= 0 && p.X <= _options.Width && p.Y <= _options.Height);
            var plateHeight = (Distance(quad[0], quad[3]) + Distance(quad[1], quad[2])) / 2;
            plates.Add(new PlateGroundTruth
            {
                Text = pose.Vehicle.Plate.Text,
                State = pose.Vehicle.Plate.Format.State,
                VehicleId = pose.Vehicle.Id,
                Box = box,
                Quad = quad,
                FullyVisible = fullyVisible,
                CharacterHeight = MathF.Round(plateHeight * PlatePainter.CharacterHeightFraction, 1),
            });
        }

        return new FrameGroundTruth
        {
            Sequence = sequence,
            Width = _options.Width,
            Height = _options.Height,
            Night = _options.Night,
            Plates = plates,
        };
    }

    private static PixelPoint Map(SKMatrix transform, float x, float y)
    {
        var point = transform.MapPoint(x, y);
        return new PixelPoint(MathF.Round(point.X, 2), MathF.Round(point.Y, 2));
    }

    private static float Distance(PixelPoint a, PixelPoint b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static int FrameSeed(int seed, long sequence)
    {
        // SplitMix64 finaliser: nearby (seed, frame) pairs give unrelated generators.
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)sequence) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
