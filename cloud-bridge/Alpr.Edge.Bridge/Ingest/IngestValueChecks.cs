using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// The values the uplink contract implies, checked before anything is stored (docs/uplink.md, "Strict ingest"): plate
/// texts of <c>[A-Z0-9]</c>, bounded names and lists, coordinates on the globe, boxes inside a frame, scores in 0..1,
/// capture times neither ahead of the bridge's clock nor older than any device keeps, images that are JPEG and bounded.
/// Each check returns null when the value is acceptable, else a reason naming the field.
/// </summary>
public static class IngestValueChecks
{
    /// <summary>Most alternatives a read may carry.</summary>
    public const int MaxAlternatives = 10;

    /// <summary>Longest camera name, firmware version, list name or category.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest case number or CLETS reference.</summary>
    public const int MaxReferenceLength = 128;

    /// <summary>Most stage timings a read may carry.</summary>
    public const int MaxStages = 16;

    /// <summary>Largest frame side a box may reach, in pixels.</summary>
    public const int MaxFrameSide = 16384;

    /// <summary>Largest plate crop or overview accepted, in bytes.</summary>
    public const int MaxImageBytes = 512 * 1024;

    /// <summary>How far a capture time may be ahead of the bridge's clock (device clocks drift; GPS or NTP keeps them close).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How old a capture time may be: longer than the policy's one-year retention and any device ring.</summary>
    public static readonly TimeSpan MaxCaptureAge = TimeSpan.FromDays(400);

    /// <summary>Whether <paramref name="text"/> is 1 to <paramref name="max"/> characters of A-Z and 0-9.</summary>
    public static bool IsPlateText(string? text, int max = IngestParser.MaxPlateLength) =>
        text is { Length: > 0 } && text.Length <= max && text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>Whether <paramref name="name"/> is 1 to <paramref name="max"/> of letters, digits, '-', '_' and '.'.</summary>
    public static bool IsName(string? name, int max = MaxNameLength) =>
        name is { Length: > 0 } && name.Length <= max && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The problem with <paramref name="read"/>'s values at <paramref name="now"/>, or null.</summary>
    public static string? CheckRead(PlateReadMessage read, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(read);
        return !IsName(read.Camera) ? $"read camera must be 1 to {MaxNameLength} letters, digits, '-', '_' or '.'"
            : !IsPlateText(read.Plate) ? $"read plate must be 1 to {IngestParser.MaxPlateLength} characters A-Z or 0-9"
            : !IsScore(read.Confidence) ? "read confidence is not between 0 and 1"
            : read.CapturedAt > now + MaxClockSkew ? $"read capturedAt {read.CapturedAt:O} is more than {MaxClockSkew.TotalMinutes} minutes ahead of the bridge's clock"
            : read.CapturedAt < now - MaxCaptureAge ? $"read capturedAt {read.CapturedAt:O} is more than {MaxCaptureAge.TotalDays} days old"
            : CheckBox(read.Box)
            ?? CheckAlternatives(read.Alternatives)
            ?? (read.Sightings is < 1 ? "read sightings must be at least 1" : null)
            ?? CheckStages(read.StageMilliseconds)
            ?? CheckPosition(read.Latitude, read.Longitude)
            ?? (read.FirmwareVersion is { } version && (version.Length > MaxNameLength || version.Any(char.IsControl))
                ? $"read firmwareVersion must be at most {MaxNameLength} printable characters" : null);
    }

    /// <summary>The problem with <paramref name="hit"/>'s own values (its read is checked by <see cref="CheckRead"/>), or null.</summary>
    public static string? CheckHit(HotlistHitMessage hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return !IsBoundedText(hit.ListName, MaxNameLength) ? $"hit listName must be 1 to {MaxNameLength} printable characters"
            : !IsBoundedText(hit.Category, MaxNameLength) ? $"hit category must be 1 to {MaxNameLength} printable characters"
            : !IsBoundedText(hit.MatchKind, MaxNameLength) ? $"hit matchKind must be 1 to {MaxNameLength} printable characters"
            : !IsEntryPlate(hit.EntryPlate) ? $"hit entryPlate must be 1 to {IngestParser.MaxPlateLength} characters A-Z, 0-9, '?' or '*'"
            : hit.CaseNumber is { } caseNumber && !IsBoundedText(caseNumber, MaxReferenceLength) ? $"hit caseNumber must be 1 to {MaxReferenceLength} printable characters"
            : hit.CletsReference is { } clets && !IsBoundedText(clets, MaxReferenceLength) ? $"hit cletsReference must be 1 to {MaxReferenceLength} printable characters"
            : hit.Score is { } score && !IsScore(score) ? "hit score is not between 0 and 1"
            : CheckImage("plateCropJpeg", hit.PlateCropJpeg) ?? CheckImage("overviewJpeg", hit.OverviewJpeg);
    }

    private static bool IsScore(double value) => double.IsFinite(value) && value is >= 0 and <= 1;

    /// <summary>Whether <paramref name="text"/> is 1 to <paramref name="max"/> characters with no control characters.</summary>
    internal static bool IsBoundedText(string? text, int max) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= max && !text.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    private static bool IsEntryPlate(string? text) =>
        text is { Length: > 0 } && text.Length <= IngestParser.MaxPlateLength && text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '?' or '*');

    private static string? CheckBox(PlateBox? box) =>
        box is null || (box.X >= 0 && box.Y >= 0 && box.Width > 0 && box.Height > 0 && box.X + (long)box.Width <= MaxFrameSide && box.Y + (long)box.Height <= MaxFrameSide)
            ? null
            : $"read box must lie inside a frame of at most {MaxFrameSide} pixels with a positive width and height";

    private static string? CheckAlternatives(IReadOnlyList<PlateAlternative>? alternatives) =>
        alternatives is null ? null
        : alternatives.Count > MaxAlternatives ? $"read has {alternatives.Count} alternatives; at most {MaxAlternatives}"
        : alternatives.Any(a => a is null || !IsPlateText(a.Text) || !IsScore(a.Score)) ? "each read alternative needs a plate text of A-Z or 0-9 and a score between 0 and 1"
        : null;

    private static string? CheckStages(IReadOnlyDictionary<string, double>? stages) =>
        stages is null ? null
        : stages.Count > MaxStages ? $"read has {stages.Count} stage timings; at most {MaxStages}"
        : stages.Any(s => !IsName(s.Key, 32) || !double.IsFinite(s.Value) || s.Value < 0) ? "each read stage timing needs a name of at most 32 letters or digits and a non-negative number of milliseconds"
        : null;

    private static string? CheckPosition(double? latitude, double? longitude) =>
        latitude is { } lat && !(double.IsFinite(lat) && lat is >= -90 and <= 90) ? "read latitude must be between -90 and 90"
        : longitude is { } lon && !(double.IsFinite(lon) && lon is >= -180 and <= 180) ? "read longitude must be between -180 and 180"
        : null;

    private static string? CheckImage(string field, ReadOnlyMemory<byte>? image)
    {
        if (image is not { } bytes)
        {
            return null;
        }

        var span = bytes.Span;
        return span.Length > MaxImageBytes ? $"hit {field} of {span.Length} bytes exceeds the {MaxImageBytes}-byte limit"
            : span.Length < 4 || span[0] != 0xFF || span[1] != 0xD8 || span[^2] != 0xFF || span[^1] != 0xD9 ? $"hit {field} is not a JPEG image"
            : null;
    }
}
