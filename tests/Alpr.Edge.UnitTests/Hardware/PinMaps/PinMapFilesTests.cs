using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.UnitTests.Hardware.PinMaps;

public sealed class PinMapFilesTests
{
    public static TheoryData<string> Boards => new() { "rpi4", "rpi5", "jetson-orin-nano" };

    private static readonly PinMapRequirements Everything = new()
    {
        ConfiguredRoles = new Dictionary<PinRole, string>
        {
            [PinRole.IlluminatorPwm] = "Hardware:Illuminator:UsePwm",
            [PinRole.IrCut] = "Hardware:Illuminator:UseIrCut",
            [PinRole.Trigger] = "Hardware:Inputs:TriggerEnabled",
            [PinRole.OverTemperature] = "Hardware:Illuminator:UseOverTemperatureInput",
            [PinRole.StrobeSync] = "Hardware:Illuminator:Strobe",
        },
        I2cRequiredBy = "Hardware:DayNight:Source=LightSensor",
    };

    [Theory]
    [MemberData(nameof(Boards))]
    public void Shipped_pin_map_is_valid_with_every_role_configured(string board)
    {
        var map = PinMapLoader.Load(Path.Combine(HardwareTestPaths.Pinouts, $"{board}.json"));
        Assert.Equal(board, map.Board);
        Assert.Empty(PinMapValidator.Validate(map, Everything));
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Committed_wiring_doc_equals_what_the_renderer_produces(string board)
    {
        var map = PinMapLoader.Load(Path.Combine(HardwareTestPaths.Pinouts, $"{board}.json"));
        var rendered = WiringTableRenderer.Render(map, $"{board}.json");
        var docPath = Path.Combine(HardwareTestPaths.WiringDocs, $"{board}.md");
        if (Environment.GetEnvironmentVariable("ALPR_RENDER_WIRING") == "1")
        {
            Directory.CreateDirectory(HardwareTestPaths.WiringDocs);
            File.WriteAllText(docPath, rendered);
        }

        Assert.True(File.Exists(docPath), $"{docPath} is missing; run scripts/render-wiring");
        Assert.Equal(rendered, File.ReadAllText(docPath));
    }

    [Fact]
    public void Shipped_map_copies_next_to_the_binaries()
    {
        Assert.True(File.Exists(PinMapLoader.DefaultPath("rpi4")), PinMapLoader.DefaultPath("rpi4"));
    }
}
