namespace Alpr.Edge.Bridge.Storage;

/// <summary>Misreads found by verification, per device and week: the figure that feeds back into recognition.</summary>
/// <param name="DeviceId">The device that made the hits.</param>
/// <param name="WeekStart">Monday 00:00 UTC of the week the hits were verified in.</param>
/// <param name="Verified">Hits of the device given a disposition that week (latest disposition per hit).</param>
/// <param name="Misreads">Of those, how many were <see cref="HitDisposition.Misread"/>.</param>
public sealed record MisreadWeek(string DeviceId, DateOnly WeekStart, int Verified, int Misreads);
