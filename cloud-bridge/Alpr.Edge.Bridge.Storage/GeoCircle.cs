using System.Globalization;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A canvass area: every point within <see cref="RadiusMeters"/> of a centre. Matched in the local equirectangular
/// projection around the centre (a longitude degree shrinks by the cosine of the latitude), which is within 0.1 % of the
/// great-circle distance at the radii a canvass uses (at most <see cref="MaxRadiusMeters"/>).
/// </summary>
public sealed record GeoCircle
{
    /// <summary>Largest radius accepted, in metres.</summary>
    public const double MaxRadiusMeters = 50_000;

    /// <summary>Metres per degree of latitude (mean Earth radius 6,371,008.8 m).</summary>
    public const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;

    private GeoCircle(double latitude, double longitude, double radiusMeters)
    {
        Latitude = latitude;
        Longitude = longitude;
        RadiusMeters = radiusMeters;
    }

    /// <summary>Centre latitude, degrees north.</summary>
    public double Latitude { get; }

    /// <summary>Centre longitude, degrees east.</summary>
    public double Longitude { get; }

    /// <summary>Radius in metres.</summary>
    public double RadiusMeters { get; }

    /// <summary>Half the height of the bounding box, in degrees of latitude.</summary>
    public double LatitudeSpan => RadiusMeters / MetersPerDegree;

    /// <summary>How much a degree of longitude is worth in degrees of latitude at the centre.</summary>
    public double LongitudeScale => Math.Max(Math.Cos(Latitude * Math.PI / 180), 1e-6);

    /// <summary>Half the width of the bounding box, in degrees of longitude.</summary>
    public double LongitudeSpan => LatitudeSpan / LongitudeScale;

    /// <summary>Builds a circle; false with a one-line reason when a coordinate or the radius is out of range.</summary>
    public static bool TryCreate(double latitude, double longitude, double radiusMeters, out GeoCircle? circle, out string? error)
    {
        circle = null;
        if (!double.IsFinite(latitude) || latitude is < -89 or > 89)
        {
            error = "lat: must be a latitude from -89 to 89 degrees";
            return false;
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            error = "lon: must be a longitude from -180 to 180 degrees";
            return false;
        }

        if (!double.IsFinite(radiusMeters) || radiusMeters is <= 0 or > MaxRadiusMeters)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"radius: must be more than 0 and at most {MaxRadiusMeters:0} metres");
            return false;
        }

        circle = new GeoCircle(latitude, longitude, radiusMeters);
        error = null;
        return true;
    }

    /// <summary>Distance in metres from the centre to a point, in the same projection the store matches with.</summary>
    public double DistanceTo(double latitude, double longitude)
    {
        var dy = latitude - Latitude;
        var dx = (longitude - Longitude) * LongitudeScale;
        return Math.Sqrt((dx * dx) + (dy * dy)) * MetersPerDegree;
    }
}
