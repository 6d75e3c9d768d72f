using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The account store: users with their roles, unique normalised names, updates, API tokens by hash.</summary>
public abstract partial class CentralStoreContractTests
{
    private IAccountStore Accounts => (IAccountStore)Store;

    internal static UserAccount Account(string name = "jdoe", params string[] roles) => new(
        Guid.NewGuid(), name, name.ToUpperInvariant(), "CA0010000", "AQAAAA-hash", false, "stamp-1", null, 0, null, true, null, null,
        false, false, null, null, null, Noon, roles);

    [Fact]
    public async Task A_user_is_stored_with_every_field_and_its_roles_and_found_by_id_and_normalised_name()
    {
        var user = Account("jdoe", "Investigator", "Auditor") with
        {
            LockoutEnd = Noon.AddMinutes(10),
            AccessFailedCount = 3,
            AuthenticatorKey = "JBSWY3DPEHPK3PXP",
            LastTotpStep = 59_000_000_123,
            LastTotpCodeHash = "abc",
            CletsAuthorized = true,
            TrainingCourse = "POST ALPR 2026",
            TrainingCompletedAt = Noon.AddDays(-10),
            TrainingExpiresAt = Noon.AddDays(355),
            MustChangePassword = true,
        };

        Assert.True(await Accounts.CreateUserAsync(user, None));

        var byId = await Accounts.FindUserByIdAsync(user.Id, None);
        var byName = await Accounts.FindUserByNameAsync("JDOE", None);
        Assert.NotNull(byId);
        Assert.Equal(["Auditor", "Investigator"], byId.Roles);
        Assert.Equal(user with { Roles = byId.Roles }, byId with { Roles = byId.Roles });
        Assert.Equal(user.Id, byName!.Id);
        Assert.Null(await Accounts.FindUserByNameAsync("jdoe", None));
    }

    [Fact]
    public async Task A_second_user_with_the_same_normalised_name_is_refused()
    {
        Assert.True(await Accounts.CreateUserAsync(Account("jdoe"), None));
        Assert.False(await Accounts.CreateUserAsync(Account("JDoe"), None));

        Assert.Single(await Accounts.GetUsersAsync(None));
    }

    [Fact]
    public async Task An_update_replaces_fields_and_roles_and_a_missing_user_is_not_updated()
    {
        var user = Account("jdoe", "Investigator");
        await Accounts.CreateUserAsync(user, None);
        var changed = user with { Disabled = true, SecurityStamp = "stamp-2", Roles = ["Administrator", "Operator"], LockoutEnd = null, AccessFailedCount = 0 };

        Assert.True(await Accounts.UpdateUserAsync(changed, None));
        Assert.False(await Accounts.UpdateUserAsync(Account("ghost"), None));

        var stored = await Accounts.FindUserByIdAsync(user.Id, None);
        Assert.True(stored!.Disabled);
        Assert.Equal("stamp-2", stored.SecurityStamp);
        Assert.Equal(["Administrator", "Operator"], stored.Roles);
    }

    [Fact]
    public async Task Hostile_user_names_and_texts_are_stored_and_returned_as_text()
    {
        const string hostile = "x'); DROP TABLE users; -- <script>alert(1)</script> \u202e";
        var user = Account(hostile, "Investigator") with { Agency = "' OR 1=1 --", TrainingCourse = "%_*?" };

        Assert.True(await Accounts.CreateUserAsync(user, None));

        var stored = await Accounts.FindUserByNameAsync(hostile.ToUpperInvariant(), None);
        Assert.Equal(hostile, stored!.UserName);
        Assert.Equal("' OR 1=1 --", stored.Agency);
        Assert.Equal("%_*?", stored.TrainingCourse);
        Assert.Null(await Accounts.FindUserByNameAsync("%", None));
        Assert.Single(await Accounts.GetUsersAsync(None));
    }

    [Fact]
    public async Task A_token_is_found_by_its_hash_revoked_once_and_deleted_with_its_user()
    {
        var user = Account("svc", "Investigator", "Operator");
        await Accounts.CreateUserAsync(user, None);
        var token = new ApiTokenRecord(Guid.NewGuid(), new string('a', 64), "plate-reader integration", user.Id, ["Investigator"], Noon, Noon.AddDays(30), null);

        Assert.True(await Accounts.AddApiTokenAsync(token, None));
        Assert.False(await Accounts.AddApiTokenAsync(token with { Id = Guid.NewGuid() }, None));
        Assert.Equal(token, await Accounts.FindApiTokenAsync(token.TokenHash, None) is { } found ? found with { Scopes = token.Scopes } : null);
        Assert.Equal(["Investigator"], (await Accounts.FindApiTokenAsync(token.TokenHash, None))!.Scopes);
        Assert.Null(await Accounts.FindApiTokenAsync(new string('b', 64), None));

        Assert.True(await Accounts.RevokeApiTokenAsync(token.Id, Noon.AddDays(1), None));
        Assert.False(await Accounts.RevokeApiTokenAsync(token.Id, Noon.AddDays(2), None));
        Assert.Equal(Noon.AddDays(1), Assert.Single(await Accounts.GetApiTokensAsync(user.Id, None)).RevokedAt);

        Assert.True(await Accounts.DeleteUserAsync(user.Id, None));
        Assert.Empty(await Accounts.GetApiTokensAsync(null, None));
        Assert.Null(await Accounts.FindUserByIdAsync(user.Id, None));
        Assert.False(await Accounts.DeleteUserAsync(user.Id, None));
    }
}
