namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A search of the stored reads. Every condition that is set must hold; an empty query lists the newest reads.
/// Build one with <see cref="TryCreate"/>, which checks the plate pattern and the window.
/// </summary>
public sealed record ReadQuery
{
    /// <summary>Most reads one query may return.</summary>
    public const int MaxLimit = 10_000;

    private ReadQuery()
    {
    }

    /// <summary>The plate to match, or null for any.</summary>
    public PlatePattern? Plate { get; private init; }

    /// <summary>Earliest capture time, inclusive, or null.</summary>
    public DateTimeOffset? From { get; private init; }

    /// <summary>Latest capture time, exclusive, or null.</summary>
    public DateTimeOffset? To { get; private init; }

    /// <summary>Only reads of this device, or null for any.</summary>
    public string? DeviceId { get; private init; }

    /// <summary>Only reads of this camera (of any device unless <see cref="DeviceId"/> is set), or null for any.</summary>
    public string? Camera { get; private init; }

    /// <summary>Most reads returned, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; private init; } = 100;

    /// <summary>Deepest offset a page may start at.</summary>
    public const int MaxOffset = 100_000;

    /// <summary>How many matching reads, newest first, are skipped (paging).</summary>
    public int Offset { get; private init; }

    /// <summary>Only reads whose site lies in this circle (a canvass), or null for anywhere.</summary>
    public GeoCircle? Near { get; private init; }

    /// <summary>The same query restricted to <paramref name="circle"/>.</summary>
    public ReadQuery Within(GeoCircle circle)
    {
        ArgumentNullException.ThrowIfNull(circle);
        return this with { Near = circle };
    }

    /// <summary>The same query skipping the first <paramref name="offset"/> matches; false with a reason when out of range.</summary>
    public bool TrySkip(int offset, out ReadQuery? query, out string? error)
    {
        query = null;
        if (offset is < 0 or > MaxOffset)
        {
            error = $"offset: {offset} must be 0 to {MaxOffset}";
            return false;
        }

        query = this with { Offset = offset };
        error = null;
        return true;
    }

    /// <summary>
    /// Builds a query; false with a one-line reason when <paramref name="plate"/> is not a plate or pattern,
    /// the window is empty or <paramref name="limit"/> is out of range.
    /// </summary>
    public static bool TryCreate(
        string? plate,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? deviceId,
        string? camera,
        int limit,
        out ReadQuery? query,
        out string? error)
    {
        query = null;
        PlatePattern? pattern = null;
        if (plate is not null && !PlatePattern.TryParse(plate, out pattern, out error))
        {
            return false;
        }

        if (from is { } start && to is { } end && end <= start)
        {
            error = $"time window: 'to' ({end:O}) must be later than 'from' ({start:O})";
            return false;
        }

        if (limit is < 1 or > MaxLimit)
        {
            error = $"limit: {limit} must be 1 to {MaxLimit}";
            return false;
        }

        query = new ReadQuery
        {
            Plate = pattern,
            From = from,
            To = to,
            DeviceId = string.IsNullOrWhiteSpace(deviceId) ? null : deviceId,
            Camera = string.IsNullOrWhiteSpace(camera) ? null : camera,
            Limit = limit,
        };
        error = null;
        return true;
    }
}
