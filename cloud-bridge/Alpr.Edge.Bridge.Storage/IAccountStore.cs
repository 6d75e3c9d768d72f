namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The bridge's user accounts, their roles and their API tokens, in the central store (both engines share the SQL).
/// User names are looked up by their normalised form, which is unique.
/// </summary>
public interface IAccountStore
{
    /// <summary>Stores a new account with its roles; false when the id or the normalised user name is already taken.</summary>
    Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>Replaces everything about an account but its id and creation time (roles included); false when there is no such account.</summary>
    Task<bool> UpdateUserAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>Deletes an account, its roles and its tokens; false when there is no such account.</summary>
    Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One account by id, or null.</summary>
    Task<UserAccount?> FindUserByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One account by normalised user name, or null.</summary>
    Task<UserAccount?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<UserAccount>> GetUsersAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new API token; false when one with the same id or hash exists.</summary>
    Task<bool> AddApiTokenAsync(ApiTokenRecord token, CancellationToken cancellationToken);

    /// <summary>The token whose SHA-256 hash is <paramref name="tokenHash"/>, or null.</summary>
    Task<ApiTokenRecord?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The tokens of one user (or every token when <paramref name="userId"/> is null), newest first.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> GetApiTokensAsync(Guid? userId, CancellationToken cancellationToken);

    /// <summary>Revokes a token not yet revoked; false when there is no such token or it was already revoked.</summary>
    Task<bool> RevokeApiTokenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);
}
