namespace Alpr.Edge.Storage.Holds;

/// <summary>A hold to place (from the bridge): keeps matching records past their ring time until released.</summary>
public sealed record HoldRequest
{
    private HoldRequest(HoldKind kind)
    {
        Kind = kind;
    }

    /// <summary>What the hold matches.</summary>
    public HoldKind Kind { get; }

    /// <summary>The plate, for <see cref="HoldKind.Plate"/>; only its blind index is stored.</summary>
    public string? Plate { get; private init; }

    /// <summary>Start of the window (inclusive), for <see cref="HoldKind.TimeWindow"/>.</summary>
    public DateTimeOffset From { get; private init; }

    /// <summary>End of the window (inclusive), for <see cref="HoldKind.TimeWindow"/>.</summary>
    public DateTimeOffset To { get; private init; }

    /// <summary>The record, for <see cref="HoldKind.Record"/>.</summary>
    public Guid RecordId { get; private init; }

    /// <summary>Holds every record of a plate.</summary>
    public static HoldRequest ForPlate(string plate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plate);
        return new HoldRequest(HoldKind.Plate) { Plate = plate };
    }

    /// <summary>Holds every record captured from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static HoldRequest ForWindow(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The window ends before it starts");
        }

        return new HoldRequest(HoldKind.TimeWindow) { From = from, To = to };
    }

    /// <summary>Holds one record.</summary>
    public static HoldRequest ForRecord(Guid recordId) => new(HoldKind.Record) { RecordId = recordId };
}
