using System.Text;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>
/// Renders a pin map as the field tech's wiring table (Markdown). The docs in <c>docs/wiring/</c> are this output, checked by a
/// test, so they never drift from <c>hardware/pinouts/</c>.
/// </summary>
public static class WiringTableRenderer
{
    /// <summary>Renders <paramref name="map"/>; <paramref name="sourceName"/> is the file name shown in the header.</summary>
    public static string Render(PinMap map, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!BoardProfiles.TryGet(map.Board, out var board))
        {
            throw new PinMapException($"Pin map {sourceName}: board '{map.Board}' is not supported.");
        }

        var md = new StringBuilder();
        md.Append("# Wiring: ").AppendLine(board.Name).AppendLine();
        md.Append("<!-- Generated from hardware/pinouts/").Append(sourceName).AppendLine(" by scripts/render-wiring. Do not edit: change the JSON and re-run it. -->").AppendLine();
        md.Append("GPIO chip: `/dev/gpiochip").Append(map.GpioChip).Append("` (").Append(board.GpioChipHint).AppendLine(").").AppendLine();
        if (!string.IsNullOrWhiteSpace(map.Notes))
        {
            md.AppendLine(map.Notes).AppendLine();
        }

        md.AppendLine("| Header pin | Role | GPIO line | Direction | Bias | Active | Notes |");
        md.AppendLine("|---:|---|---:|---|---|---|---|");
        foreach (var pin in map.Pins.OrderBy(p => p.HeaderPin))
        {
            var direction = pin.Role == PinRole.IlluminatorPwm
                ? $"PWM out (pwmchip{pin.PwmChip} channel {pin.PwmChannel})"
                : PinMapValidator.IsOutput(pin.Role) ? "out" : "in";
            var active = PinMapValidator.IsOutput(pin.Role) ? "high" : pin.ActiveLow ? "low" : "high";
            md.Append("| ").Append(pin.HeaderPin)
                .Append(" | ").Append(PinMapValidator.Name(pin.Role))
                .Append(" | ").Append(pin.Gpio)
                .Append(" | ").Append(direction)
                .Append(" | ").Append(pin.Pull.ToString().ToLowerInvariant())
                .Append(" | ").Append(active)
                .Append(" | ").Append(pin.Note ?? string.Empty).AppendLine(" |");
        }

        if (map.I2c is { } i2c)
        {
            md.AppendLine().Append("Light sensor (BH1750, address 0x23): `/dev/i2c-").Append(i2c.Bus).Append("`, SDA on header pin ")
                .Append(i2c.SdaHeaderPin).Append(", SCL on header pin ").Append(i2c.SclHeaderPin).AppendLine(", 3V3 from pin 1, GND from pin 9.");
        }

        md.AppendLine().Append("Ground: header pins ")
            .AppendLine(string.Join(", ", board.PowerHeaderPins.Where(p => p.Value == "GND").Select(p => p.Key).Order()) + ".");
        md.AppendLine().Append("Hardware PWM: ").Append(board.PwmHint).AppendLine(".");
        return md.ToString();
    }
}
