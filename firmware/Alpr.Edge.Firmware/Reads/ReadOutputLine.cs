namespace Alpr.Edge.Firmware.Reads;

/// <summary>One <c>--json</c> output line: a read (<c>type</c> "read") or a hit (<c>type</c> "hit", with the list fields).</summary>
internal sealed record ReadOutputLine
{
    public required string Type { get; init; }

    public required Guid Id { get; init; }

    public required string Plate { get; init; }

    public required double Confidence { get; init; }

    public required DateTimeOffset CapturedAt { get; init; }

    public required string Camera { get; init; }

    public required string DeviceId { get; init; }

    public Guid? ReadId { get; init; }

    public string? List { get; init; }

    public string? Category { get; init; }

    public string? Match { get; init; }

    public string? Entry { get; init; }

    public string? Case { get; init; }

    public string? Verification { get; init; }
}
