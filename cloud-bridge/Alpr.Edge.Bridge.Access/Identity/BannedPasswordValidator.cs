using Microsoft.AspNetCore.Identity;

namespace Alpr.Edge.Bridge.Access.Identity;

/// <summary>
/// Refuses common passwords (the embedded list <c>banned-passwords.txt</c>, case-insensitive) and passwords that contain
/// the user name. Length is the framework's <see cref="PasswordOptions.RequiredLength"/> (12 on the bridge).
/// </summary>
public sealed class BannedPasswordValidator : IPasswordValidator<BridgeUser>
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Alpr.Edge.Bridge.Access.banned-passwords.txt";

    private readonly HashSet<string> _banned;

    /// <summary>Loads the embedded list.</summary>
    public BannedPasswordValidator() => _banned = Load();

    /// <summary>How many passwords the list holds.</summary>
    public int Count => _banned.Count;

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<BridgeUser> manager, BridgeUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (_banned.Contains(password.Trim()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "BannedPassword", Description = "that password is on the list of common passwords; choose another" }));
        }

        if (user.UserName.Length >= 3 && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "the password must not contain the user name" }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(BannedPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var banned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                banned.Add(line);
            }
        }

        return banned;
    }
}
