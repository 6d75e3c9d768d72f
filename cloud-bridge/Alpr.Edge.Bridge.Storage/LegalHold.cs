namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A legal hold: the reads it selects are never purged while it is in force. It selects by any combination of plate,
/// device and capture-time window (at least one); every condition it sets must hold. Build one with <see cref="TryCreate"/>.
/// </summary>
public sealed record LegalHold
{
    internal LegalHold()
    {
    }

    /// <summary>The hold's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The case the hold is for.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>Only reads of this plate, or null for any.</summary>
    public string? Plate { get; init; }

    /// <summary>Only reads of this device, or null for any.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Only reads captured at or after this time, or null.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only reads captured before this time, or null.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Who placed it.</summary>
    public required string PlacedBy { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>Who released it, once released.</summary>
    public string? ReleasedBy { get; init; }

    /// <summary>When it was released, or null while it is in force.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Builds a hold in force; false with a one-line reason when a field is missing or it would select nothing in particular.</summary>
    public static bool TryCreate(
        string caseNumber,
        string? plate,
        string? deviceId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string placedBy,
        string reason,
        DateTimeOffset placedAt,
        out LegalHold? hold,
        out string? error)
    {
        hold = null;
        error = string.IsNullOrWhiteSpace(caseNumber) ? "caseNumber: required"
            : string.IsNullOrWhiteSpace(placedBy) ? "placedBy: required"
            : string.IsNullOrWhiteSpace(reason) ? "reason: required"
            : plate is null && deviceId is null && from is null && to is null ? "hold: name a plate, a device or a time window"
            : from is { } start && to is { } end && end <= start ? "time window: 'to' must be later than 'from'"
            : null;
        if (error is not null)
        {
            return false;
        }

        hold = new LegalHold
        {
            Id = Guid.NewGuid(),
            CaseNumber = caseNumber.Trim(),
            Plate = plate?.Trim().ToUpperInvariant(),
            DeviceId = deviceId,
            From = from,
            To = to,
            PlacedBy = placedBy,
            Reason = reason,
            PlacedAt = placedAt,
        };
        return true;
    }
}
