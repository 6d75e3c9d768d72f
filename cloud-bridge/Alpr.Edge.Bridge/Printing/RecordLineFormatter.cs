using System.Globalization;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Printing;

/// <summary>The one-line-per-record console format, e.g. <c>READ  2026-11-28T10:00:00Z pole-1/cam0  7ABC123  0.97</c>.</summary>
public static class RecordLineFormatter
{
    /// <summary>The line for a newly stored read.</summary>
    public static string Format(PlateReadMessage read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"READ  {Time(read.CapturedAt)} {read.DeviceId}/{read.Camera}  {read.Plate}  {read.Confidence:0.00}");
    }

    /// <summary>The line for a newly stored hit, ending with its verification state.</summary>
    public static string Format(HotlistHitMessage hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var read = hit.Read;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HIT   {Time(read.CapturedAt)} {read.DeviceId}/{read.Camera}  {read.Plate} {hit.Category} ({hit.MatchKind}) {hit.Verification.ToString().ToUpperInvariant()}");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
