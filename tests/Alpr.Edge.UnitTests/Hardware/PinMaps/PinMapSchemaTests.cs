using System.Text.Json;
using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.UnitTests.Hardware.PinMaps;

public sealed class PinMapSchemaTests
{
    private static JsonElement Schema()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(HardwareTestPaths.Pinouts, "pinout.schema.json")));
        return doc.RootElement.Clone();
    }

    private static IEnumerable<string> Enum(JsonElement element) => element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void Schema_lists_exactly_the_roles_the_firmware_knows()
    {
        var roles = Enum(Schema().GetProperty("$defs").GetProperty("pin").GetProperty("properties").GetProperty("role"));
        Assert.Equal(System.Enum.GetValues<PinRole>().Select(PinMapValidator.Name).Order(), roles.Order());
    }

    [Fact]
    public void Schema_lists_exactly_the_supported_boards()
    {
        var boards = Enum(Schema().GetProperty("properties").GetProperty("board"));
        Assert.Equal(BoardProfiles.All.Select(b => b.Id).Order(), boards.Order());
    }

    [Fact]
    public void Schema_pin_properties_match_the_loader()
    {
        var properties = Schema().GetProperty("$defs").GetProperty("pin").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        var loader = typeof(PinAssignment).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        Assert.Equal(loader.Order(), properties.Order());
    }
}
