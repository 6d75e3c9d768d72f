namespace Alpr.Edge.Hardware.Rules;

/// <summary>The repeating blink pattern of each <see cref="PoleStatus"/>; a field tech tells them apart at a glance.</summary>
public sealed class StatusLedPattern
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    private StatusLedPattern(PoleStatus status, IReadOnlyList<LedSegment> segments)
    {
        Status = status;
        Segments = segments;
        Period = TimeSpan.FromTicks(segments.Sum(s => s.Duration.Ticks));
    }

    /// <summary>The status shown.</summary>
    public PoleStatus Status { get; }

    /// <summary>The steps, repeated.</summary>
    public IReadOnlyList<LedSegment> Segments { get; }

    /// <summary>Length of one repetition.</summary>
    public TimeSpan Period { get; }

    /// <summary>The pattern of <paramref name="status"/>.</summary>
    public static StatusLedPattern For(PoleStatus status) => status switch
    {
        PoleStatus.Booting => new(status, [new(true, Short), new(false, Short)]),
        PoleStatus.Running => new(status, [new(true, Short), new(false, TimeSpan.FromMilliseconds(1900))]),
        PoleStatus.NoUplink => new(status, [new(true, Short), new(false, Short), new(true, Short), new(false, TimeSpan.FromMilliseconds(1700))]),
        PoleStatus.Fault => new(status, [new(true, TimeSpan.FromSeconds(1))]),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown pole status."),
    };

    /// <summary>Whether the LED is lit <paramref name="elapsed"/> after the pattern started.</summary>
    public bool IsLit(TimeSpan elapsed)
    {
        var offset = TimeSpan.FromTicks(Math.Max(0, elapsed.Ticks) % Period.Ticks);
        foreach (var segment in Segments)
        {
            if (offset < segment.Duration)
            {
                return segment.Lit;
            }

            offset -= segment.Duration;
        }

        return Segments[^1].Lit;
    }
}
