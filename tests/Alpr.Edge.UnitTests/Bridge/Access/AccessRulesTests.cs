using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Access.Tokens;

namespace Alpr.Edge.UnitTests.Bridge.Access;

public sealed class AccessRulesTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwerty123456")]
    [InlineData("my-name-is-jdoe-ok")]
    public async Task Common_passwords_and_ones_containing_the_user_name_are_refused(string password)
    {
        var result = await new BannedPasswordValidator().ValidateAsync(null!, new BridgeUser { UserName = "jdoe" }, password);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task An_uncommon_passphrase_passes_and_the_list_is_loaded_from_the_embedded_resource()
    {
        var validator = new BannedPasswordValidator();

        Assert.True((await validator.ValidateAsync(null!, new BridgeUser { UserName = "jdoe" }, "violet tractor harbour 9")).Succeeded);
        Assert.True(validator.Count > 50);
    }

    [Fact]
    public void Training_is_current_only_when_recorded_and_not_lapsed_and_says_why_otherwise()
    {
        var now = TestRecords.Noon;
        var none = TrainingState.Of(new BridgeUser(), now);
        var lapsed = TrainingState.Of(new BridgeUser { TrainingCourse = "POST", TrainingCompletedAt = now.AddYears(-2), TrainingExpiresAt = now.AddDays(-1) }, now);
        var current = TrainingState.Of(new BridgeUser { TrainingCourse = "POST", TrainingCompletedAt = now.AddDays(-1), TrainingExpiresAt = now.AddDays(1) }, now);

        Assert.False(none.Current);
        Assert.Contains("no ALPR training is recorded", none.Reason, StringComparison.Ordinal);
        Assert.False(lapsed.Current);
        Assert.Contains($"lapsed on {now.AddDays(-1):yyyy-MM-dd}", lapsed.Reason, StringComparison.Ordinal);
        Assert.True(current.Current);
        Assert.Null(current.Reason);
    }

    [Theory]
    [InlineData(true, "investigator,Auditor", "Investigator,Auditor")]
    [InlineData(true, "Operator, Operator", "Operator")]
    [InlineData(false, "Sheriff", "")]
    [InlineData(false, "1", "")]
    public void Role_names_are_parsed_case_insensitively_and_unknown_ones_refused(bool ok, string input, string expected)
    {
        Assert.Equal(ok, AccountService.TryParseRoles([input], out var roles, out var error));
        Assert.Equal(expected, string.Join(",", roles));
        Assert.Equal(ok, error is null);
    }

    [Fact]
    public void A_token_is_stored_as_its_sha256_hex()
    {
        Assert.Equal("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ApiTokenService.Hash("test"));
    }
}
