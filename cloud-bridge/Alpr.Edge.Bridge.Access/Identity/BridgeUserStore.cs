using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Identity;

namespace Alpr.Edge.Bridge.Access.Identity;

/// <summary>
/// ASP.NET Core Identity's user store over <see cref="IAccountStore"/> (no EF Core): users, password hashes, security
/// stamps, lockout, the authenticator key, two-factor and roles. Setters change the <see cref="BridgeUser"/>; the
/// framework then calls <see cref="UpdateAsync"/>, which writes it.
/// </summary>
public sealed class BridgeUserStore :
    IUserPasswordStore<BridgeUser>,
    IUserSecurityStampStore<BridgeUser>,
    IUserLockoutStore<BridgeUser>,
    IUserAuthenticatorKeyStore<BridgeUser>,
    IUserTwoFactorStore<BridgeUser>,
    IUserRoleStore<BridgeUser>
{
    private readonly IAccountStore _accounts;

    /// <summary>Creates the store over <paramref name="accounts"/>.</summary>
    public BridgeUserStore(IAccountStore accounts) => _accounts = accounts;

    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(BridgeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await _accounts.CreateUserAsync(user.ToAccount(), cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"the user name '{user.UserName}' is taken" });
    }

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(BridgeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await _accounts.UpdateUserAsync(user.ToAccount(), cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "NoSuchUser", Description = $"there is no user '{user.UserName}'" });
    }

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(BridgeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await _accounts.DeleteUserAsync(user.Id, cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "NoSuchUser", Description = $"there is no user '{user.UserName}'" });
    }

    /// <inheritdoc />
    public async Task<BridgeUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) && await _accounts.FindUserByIdAsync(id, cancellationToken) is { } account ? BridgeUser.From(account) : null;

    /// <inheritdoc />
    public async Task<BridgeUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        await _accounts.FindUserByNameAsync(normalizedUserName, cancellationToken) is { } account ? BridgeUser.From(account) : null;

    /// <inheritdoc />
    public Task<string> GetUserIdAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).Id.ToString());

    /// <inheritdoc />
    public Task<string?> GetUserNameAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(Checked(user).UserName);

    /// <inheritdoc />
    public Task SetUserNameAsync(BridgeUser user, string? userName, CancellationToken cancellationToken)
    {
        Checked(user).UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedUserNameAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(Checked(user).NormalizedUserName);

    /// <inheritdoc />
    public Task SetNormalizedUserNameAsync(BridgeUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        Checked(user).NormalizedUserName = normalizedName ?? string.Empty;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetPasswordHashAsync(BridgeUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        Checked(user).PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).PasswordHash);

    /// <inheritdoc />
    public Task<bool> HasPasswordAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).PasswordHash is not null);

    /// <inheritdoc />
    public Task SetSecurityStampAsync(BridgeUser user, string stamp, CancellationToken cancellationToken)
    {
        Checked(user).SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetSecurityStampAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(Checked(user).SecurityStamp);

    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).LockoutEnd);

    /// <inheritdoc />
    public Task SetLockoutEndDateAsync(BridgeUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        Checked(user).LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> IncrementAccessFailedCountAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(++Checked(user).AccessFailedCount);

    /// <inheritdoc />
    public Task ResetAccessFailedCountAsync(BridgeUser user, CancellationToken cancellationToken)
    {
        Checked(user).AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> GetAccessFailedCountAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).AccessFailedCount);

    /// <summary>Lockout is always enabled on the bridge.</summary>
    public Task<bool> GetLockoutEnabledAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Lockout cannot be switched off on the bridge; this does nothing.</summary>
    public Task SetLockoutEnabledAsync(BridgeUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SetAuthenticatorKeyAsync(BridgeUser user, string key, CancellationToken cancellationToken)
    {
        Checked(user).AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetAuthenticatorKeyAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).AuthenticatorKey);

    /// <inheritdoc />
    public Task SetTwoFactorEnabledAsync(BridgeUser user, bool enabled, CancellationToken cancellationToken)
    {
        Checked(user).TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> GetTwoFactorEnabledAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult(Checked(user).TwoFactorEnabled);

    /// <inheritdoc />
    public Task AddToRoleAsync(BridgeUser user, string roleName, CancellationToken cancellationToken)
    {
        var role = RoleNamed(roleName);
        if (!Checked(user).Roles.Contains(role))
        {
            user.Roles.Add(role);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveFromRoleAsync(BridgeUser user, string roleName, CancellationToken cancellationToken)
    {
        Checked(user).Roles.Remove(RoleNamed(roleName));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IList<string>> GetRolesAsync(BridgeUser user, CancellationToken cancellationToken) => Task.FromResult<IList<string>>([.. Checked(user).Roles]);

    /// <inheritdoc />
    public Task<bool> IsInRoleAsync(BridgeUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(Checked(user).Roles.Contains(RoleNamed(roleName)));

    /// <inheritdoc />
    public async Task<IList<BridgeUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = RoleNamed(roleName);
        return [.. (await _accounts.GetUsersAsync(cancellationToken)).Where(u => u.Roles.Contains(role)).Select(BridgeUser.From)];
    }

    /// <summary>Nothing to release: the account store is shared.</summary>
    public void Dispose()
    {
    }

    /// <summary>The <see cref="Roles.BridgeRole"/> name a normalised (upper-case) or plain role name stands for.</summary>
    private static string RoleNamed(string roleName) =>
        Enum.TryParse<Roles.BridgeRole>(roleName, ignoreCase: true, out var role)
            ? role.ToString()
            : throw new InvalidOperationException($"'{roleName}' is not a role; the roles are {string.Join(", ", Enum.GetNames<Roles.BridgeRole>())}");

    private static BridgeUser Checked(BridgeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user;
    }
}
