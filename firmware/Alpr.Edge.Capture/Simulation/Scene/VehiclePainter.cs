using Alpr.Edge.Capture.Simulation.Plates;
using Alpr.Edge.Capture.Simulation.Traffic;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>
/// Draws the back of a vehicle in scene units, origin at the middle of where it meets the road (y up is negative):
/// shadow, wheels, body, roof, rear window, tail lights, bumper and the plate recess. The plate itself is drawn by
/// <see cref="PlatePainter"/> at <see cref="PlateCentre"/>.
/// </summary>
public static class VehiclePainter
{
    /// <summary>Where the plate's centre sits on the back of <paramref name="model"/>.</summary>
    public static SKPoint PlateCentre(VehicleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SKPoint(0, -(model.Height * 0.2f + PlatePainter.PlateHeight / 2 + 8));
    }

    /// <summary>Draws <paramref name="vehicle"/>; <paramref name="filter"/> (if any) recolours it, as for the night look.</summary>
    public static void Draw(SKCanvas canvas, SimulatedVehicle vehicle, SKColorFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(vehicle);
        var model = vehicle.Model;
        var w = model.Width;
        var h = model.Height;
        var half = w / 2;
        var waist = -model.WaistLine * h;
        using var paint = new SKPaint { IsAntialias = true, ColorFilter = filter };

        // Shadow on the road.
        paint.Color = new SKColor(0, 0, 0, 110);
        canvas.DrawOval(0, -2, half * 1.04f, 16, paint);

        // Wheels, showing below the body.
        paint.Color = new SKColor(0x17, 0x17, 0x18);
        var tyreWidth = w * 0.15f;
        canvas.DrawRoundRect(-half + w * 0.05f, -h * 0.16f, tyreWidth, h * 0.16f, 9, 9, paint);
        canvas.DrawRoundRect(half - w * 0.05f - tyreWidth, -h * 0.16f, tyreWidth, h * 0.16f, 9, 9, paint);

        // Roof and pillars, then the rear window inside them.
        var roofHalf = half * model.RoofWidth;
        using (var cabin = new SKPath())
        {
            cabin.MoveTo(-half * 0.94f, waist + 2);
            cabin.LineTo(-roofHalf, -h + 14);
            cabin.QuadTo(-roofHalf, -h, -roofHalf + 14, -h);
            cabin.LineTo(roofHalf - 14, -h);
            cabin.QuadTo(roofHalf, -h, roofHalf, -h + 14);
            cabin.LineTo(half * 0.94f, waist + 2);
            cabin.Close();
            paint.Color = Shade(vehicle.Colour, 0.88f);
            canvas.DrawPath(cabin, paint);
        }

        using (var glass = new SKPath())
        {
            var inset = w * 0.06f;
            glass.MoveTo(-half * 0.94f + inset * 1.4f, waist - 6);
            glass.LineTo(-roofHalf + inset, -h * 0.9f);
            glass.LineTo(roofHalf - inset, -h * 0.9f);
            glass.LineTo(half * 0.94f - inset * 1.4f, waist - 6);
            glass.Close();
            using var shader = SKShader.CreateLinearGradient(
                new SKPoint(0, -h), new SKPoint(0, waist), [new SKColor(0x4A, 0x55, 0x60), new SKColor(0x1C, 0x22, 0x28)], SKShaderTileMode.Clamp);
            paint.Shader = shader;
            canvas.DrawPath(glass, paint);
            paint.Shader = null;
        }

        // Lower body with a light-to-dark gradient.
        var body = new SKRect(-half, waist, half, -h * 0.1f);
        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, body.Top), new SKPoint(0, body.Bottom), [Shade(vehicle.Colour, 1.08f), Shade(vehicle.Colour, 0.78f)], SKShaderTileMode.Clamp))
        {
            paint.Shader = shader;
            canvas.DrawRoundRect(body, w * 0.05f, w * 0.05f, paint);
            paint.Shader = null;
        }

        // Boot lid line.
        using (var line = new SKPaint { IsAntialias = true, ColorFilter = filter, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Shade(vehicle.Colour, 0.6f) })
        {
            canvas.DrawLine(-half * 0.62f, waist + h * 0.07f, half * 0.62f, waist + h * 0.07f, line);
        }

        DrawTailLights(canvas, model, waist, paint);

        // Bumper.
        paint.Color = new SKColor(0x2B, 0x2C, 0x2E);
        canvas.DrawRoundRect(new SKRect(-half * 0.99f, -h * 0.2f, half * 0.99f, -h * 0.07f), 10, 10, paint);

        // Recess around the plate.
        var centre = PlateCentre(model);
        paint.Color = Shade(vehicle.Colour, 0.55f);
        canvas.DrawRoundRect(
            new SKRect(
                centre.X - PlatePainter.PlateWidth / 2 - 9,
                centre.Y - PlatePainter.PlateHeight / 2 - 8,
                centre.X + PlatePainter.PlateWidth / 2 + 9,
                centre.Y + PlatePainter.PlateHeight / 2 + 6),
            10,
            10,
            paint);
    }

    private static void DrawTailLights(SKCanvas canvas, VehicleModel model, float waist, SKPaint paint)
    {
        var half = model.Width / 2;
        var h = model.Height;
        SKRect left = model.TallLights
            ? new SKRect(-half + 8, waist - h * 0.12f, -half + model.Width * 0.1f, waist + h * 0.16f)
            : new SKRect(-half + 6, waist + h * 0.03f, -half + model.Width * 0.22f, waist + h * 0.14f);
        var right = new SKRect(-left.Right, left.Top, -left.Left, left.Bottom);
        foreach (var lamp in new[] { left, right })
        {
            paint.Color = new SKColor(0x8E, 0x0E, 0x14);
            canvas.DrawRoundRect(lamp, 6, 6, paint);
            var inner = lamp;
            inner.Inflate(-lamp.Width * 0.2f, -lamp.Height * 0.22f);
            paint.Color = new SKColor(0xD8, 0x2A, 0x2E);
            canvas.DrawRoundRect(inner, 4, 4, paint);
        }
    }

    private static SKColor Shade(SKColor colour, float factor) =>
        new(
            (byte)Math.Clamp(colour.Red * factor, 0, 255),
            (byte)Math.Clamp(colour.Green * factor, 0, 255),
            (byte)Math.Clamp(colour.Blue * factor, 0, 255));
}
