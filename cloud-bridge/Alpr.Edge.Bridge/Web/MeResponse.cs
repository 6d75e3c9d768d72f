namespace Alpr.Edge.Bridge.Web;

/// <summary>What <c>GET /api/auth/me</c> answers: who is signed in, what they hold, and why data is refused (when it is).</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Agency">The agency's ORI.</param>
/// <param name="Roles">The roles held (for a token: its scopes the user still holds).</param>
/// <param name="TrainingCurrent">Whether training is current.</param>
/// <param name="TrainingCourse">The training course, if recorded.</param>
/// <param name="TrainingExpiresAt">When training lapses or lapsed, if recorded.</param>
/// <param name="CletsAuthorized">Whether CLETS-derived details may be shown.</param>
/// <param name="ApiToken">Whether this is an API token rather than a session.</param>
/// <param name="DataRefused">Why data functions are refused, or null when they are not.</param>
public sealed record MeResponse(
    string UserName,
    string Agency,
    IReadOnlyList<string> Roles,
    bool TrainingCurrent,
    string? TrainingCourse,
    DateTimeOffset? TrainingExpiresAt,
    bool CletsAuthorized,
    bool ApiToken,
    string? DataRefused);
