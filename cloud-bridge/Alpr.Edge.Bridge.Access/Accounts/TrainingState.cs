using System.Globalization;
using Alpr.Edge.Bridge.Access.Identity;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>Whether a user's ALPR training is current, and if not, why (the words a refused request and <c>me</c> show).</summary>
/// <param name="Current">True when training is recorded and has not lapsed.</param>
/// <param name="Course">The course, if any.</param>
/// <param name="ExpiresAt">When it lapses (or lapsed), if recorded.</param>
/// <param name="Reason">Why data is refused, when not current.</param>
public sealed record TrainingState(bool Current, string? Course, DateTimeOffset? ExpiresAt, string? Reason)
{
    /// <summary>The training state of <paramref name="user"/> at <paramref name="now"/>.</summary>
    public static TrainingState Of(BridgeUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.TrainingCompletedAt is null || user.TrainingExpiresAt is null)
        {
            return new TrainingState(false, user.TrainingCourse, user.TrainingExpiresAt,
                "no ALPR training is recorded for you: data functions are refused until an administrator records it (alpr-bridge users set-training)");
        }

        if (user.TrainingExpiresAt <= now)
        {
            return new TrainingState(false, user.TrainingCourse, user.TrainingExpiresAt,
                $"your ALPR training ({user.TrainingCourse}) lapsed on {user.TrainingExpiresAt.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: data functions are refused until it is renewed");
        }

        return new TrainingState(true, user.TrainingCourse, user.TrainingExpiresAt, null);
    }
}
