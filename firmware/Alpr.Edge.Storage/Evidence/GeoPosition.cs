namespace Alpr.Edge.Storage.Evidence;

/// <summary>Where the read was made (the site's coordinates, WGS 84 degrees). Stored only encrypted.</summary>
/// <param name="LatitudeDegrees">Latitude, -90..90.</param>
/// <param name="LongitudeDegrees">Longitude, -180..180.</param>
public readonly record struct GeoPosition(double LatitudeDegrees, double LongitudeDegrees);
