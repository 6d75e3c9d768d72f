using System.Globalization;
using System.Text;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// The criteria of a search or canvass as the API takes them (all text, so every mistake gets a one-line reason):
/// plate or <c>?</c>/<c>*</c> pattern, capture-time window, device, camera, a point and radius, and the page.
/// </summary>
/// <param name="Plate">Full plate, or a pattern with <c>?</c> (one character) and <c>*</c> (any run).</param>
/// <param name="From">Earliest capture time, ISO 8601, inclusive.</param>
/// <param name="To">Latest capture time, ISO 8601, exclusive.</param>
/// <param name="Device">Device id.</param>
/// <param name="Camera">Camera name.</param>
/// <param name="Lat">Canvass centre latitude, degrees.</param>
/// <param name="Lon">Canvass centre longitude, degrees.</param>
/// <param name="Radius">Canvass radius in metres.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Results per page, 1 to <see cref="MaxPageSize"/>.</param>
public sealed record SearchCriteria(
    string? Plate, string? From, string? To, string? Device, string? Camera, string? Lat, string? Lon, string? Radius, string? Page, string? PageSize)
{
    /// <summary>Results per page when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Most results per page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// The store query for the page asked for, fetching one result more than the page holds so the caller knows whether
    /// another page follows; false with a one-line reason naming the parameter.
    /// </summary>
    public bool TryQuery(out ReadQuery? query, out int page, out int pageSize, out string? error)
    {
        query = null;
        page = 1;
        pageSize = DefaultPageSize;
        if (!TryInt(Page, "page", 1, ReadQuery.MaxOffset, 1, out page, out error)
            || !TryInt(PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, out pageSize, out error)
            || !TryTime(From, "from", out var from, out error)
            || !TryTime(To, "to", out var to, out error))
        {
            return false;
        }

        if (!ReadQuery.TryCreate(Blank(Plate)?.ToUpperInvariant(), from, to, Blank(Device), Blank(Camera), pageSize + 1, out var built, out error))
        {
            return false;
        }

        var offset = (long)(page - 1) * pageSize;
        if (offset > ReadQuery.MaxOffset || !built!.TrySkip((int)offset, out built, out error))
        {
            error = $"page: {page} reaches past the {ReadQuery.MaxOffset:N0}th result; narrow the search";
            return false;
        }

        var canvass = new[] { Lat, Lon, Radius }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (canvass is 1 or 2)
        {
            error = "canvass: give lat, lon and radius (metres) together";
            return false;
        }

        if (canvass == 3)
        {
            if (!TryDouble(Lat, "lat", out var lat, out error) || !TryDouble(Lon, "lon", out var lon, out error) || !TryDouble(Radius, "radius", out var radius, out error))
            {
                return false;
            }

            if (!GeoCircle.TryCreate(lat, lon, radius, out var circle, out error))
            {
                return false;
            }

            built = built!.Within(circle!);
        }

        query = built;
        return true;
    }

    /// <summary>The criteria that were set, for the audit trail (e.g. <c>plate=7AB* from=… radius=500</c>).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in new[]
                 {
                     ("plate", Plate), ("from", From), ("to", To), ("device", Device), ("camera", Camera),
                     ("lat", Lat), ("lon", Lon), ("radius", Radius), ("page", Page), ("pageSize", PageSize),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(name).Append('=').Append(value.Length <= 64 ? value.Trim() : value.Trim()[..64]);
            }
        }

        return text.ToString();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryInt(string? text, string name, int min, int max, int fallback, out int value, out string? error)
    {
        error = null;
        value = fallback;
        if (Blank(text) is not { } given)
        {
            return true;
        }

        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = $"{name}: must be a whole number from {min} to {max}";
        return false;
    }

    private static bool TryDouble(string? text, string name, out double value, out string? error)
    {
        error = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        error = $"{name}: must be a number such as 38.5816";
        return false;
    }

    private static bool TryTime(string? text, string name, out DateTimeOffset? value, out string? error)
    {
        error = null;
        value = null;
        if (Blank(text) is not { } given)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"{name}: must be a time such as 2026-12-01T08:00:00Z";
        return false;
    }
}
