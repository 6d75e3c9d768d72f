namespace Alpr.Edge.Capture.Supervision;

/// <summary>How a camera is watched and reopened (the firmware binds these from the <c>Capture</c> section).</summary>
public sealed record SupervisionOptions
{
    /// <summary>No frame for this long (also the wait for a session's first frame) means the camera stalled: it is closed and reopened.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reopening a camera that went away.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Each wait is spread by up to this fraction either way (0–1).</summary>
    public double ReconnectJitter { get; init; } = 0.2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (StallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Camera supervision option StallTimeout must be positive, was {StallTimeout}.");
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentException(
                $"Camera supervision options need 0 < ReconnectInitialDelay <= ReconnectMaxDelay, were {ReconnectInitialDelay} and {ReconnectMaxDelay}.");
        }

        if (ReconnectJitter is < 0 or > 1 || double.IsNaN(ReconnectJitter))
        {
            throw new ArgumentException($"Camera supervision option ReconnectJitter must be 0–1, was {ReconnectJitter}.");
        }
    }
}
