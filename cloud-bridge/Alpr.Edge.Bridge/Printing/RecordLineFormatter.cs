using System.Globalization;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Printing;

/// <summary>
/// The one-line-per-record console format. By default a line names the record, never the plate (standard output ends up in
/// terminals and journals that the access rules do not cover): <c>READ  2026-11-28T10:00:00Z pole-1/cam0  id 8f0f…  0.97</c>.
/// With plates (<c>alpr-bridge run --print-plates</c>, the demo's feed): <c>READ  2026-11-28T10:00:00Z pole-1/cam0  7ABC123  0.97</c>.
/// </summary>
public static class RecordLineFormatter
{
    /// <summary>The line for a newly stored read.</summary>
    public static string Format(PlateReadMessage read, bool withPlate = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        var what = withPlate ? read.Plate : $"id {read.Id:D}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"READ  {Time(read.CapturedAt)} {read.DeviceId}/{read.Camera}  {what}  {read.Confidence:0.00}");
    }

    /// <summary>The line for a newly stored hit, ending with its verification state.</summary>
    public static string Format(HotlistHitMessage hit, bool withPlate = false)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var read = hit.Read;
        var what = withPlate ? read.Plate : $"id {hit.Id:D} list {hit.ListName}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HIT   {Time(read.CapturedAt)} {read.DeviceId}/{read.Camera}  {what} {hit.Category} ({hit.MatchKind}) {hit.Verification.ToString().ToUpperInvariant()}");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
