using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class PurposeCatalogTests
{
    private readonly PurposeCatalog _catalog = new(PurposeOption.Defaults());

    [Theory]
    [InlineData("patrol", null, "patrol", null)]
    [InlineData(" investigation ", " 2026-1234 ", "investigation", "2026-1234")]
    [InlineData("patrol", "CAD#88/12", "patrol", "CAD#88/12")]
    public void A_configured_purpose_with_the_case_it_needs_passes(string purpose, string? caseNumber, string name, string? expectedCase)
    {
        Assert.True(_catalog.TryResolve(purpose, caseNumber, out var stated, out var error), error);
        Assert.Equal(new StatedPurpose(name, expectedCase), stated);
    }

    [Theory]
    [InlineData(null, null, "a purpose is required")]
    [InlineData("  ", null, "a purpose is required")]
    [InlineData("Patrol", null, "'Patrol' is not one of")]
    [InlineData("curiosity", null, "'curiosity' is not one of administrative, hit-verification, investigation, missing-person, patrol, stolen-vehicle")]
    [InlineData("investigation", null, "requires a case or incident number")]
    [InlineData("missing-person", "", "requires a case or incident number")]
    [InlineData("investigation", "1' OR '1'='1", "case number: letters, digits")]
    [InlineData("investigation", "<script>", "case number: letters, digits")]
    public void A_missing_unknown_or_caseless_purpose_is_refused_with_a_reason(string? purpose, string? caseNumber, string expected)
    {
        Assert.False(_catalog.TryResolve(purpose, caseNumber, out var stated, out var error));
        Assert.Null(stated);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_purpose_is_shortened_in_the_message()
    {
        Assert.False(_catalog.TryResolve(new string('x', 5000), null, out _, out var error));
        Assert.True(error!.Length < 300, error);
    }

    [Fact]
    public void The_bridge_refuses_to_start_with_no_purposes_bad_names_or_duplicates()
    {
        var validator = new BridgeOptionsValidator();

        var none = validator.Validate(null, new BridgeOptions { Purposes = [] });
        var bad = validator.Validate(null, new BridgeOptions { Purposes = [new() { Name = "Drop Table" }, new() { Name = "patrol" }, new() { Name = "patrol" }] });

        Assert.Contains("purposes: at least one purpose is required", none.Failures!);
        Assert.Contains("purposes: 'Drop Table' must be 1-40 lower-case letters, digits or hyphens", bad.Failures!);
        Assert.Contains("purposes: 'patrol' is listed twice", bad.Failures!);
        Assert.True(validator.Validate(null, new BridgeOptions()).Succeeded);
    }
}
