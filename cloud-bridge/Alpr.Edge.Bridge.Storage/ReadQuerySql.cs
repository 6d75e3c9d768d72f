namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The SQL conditions of a <see cref="ReadQuery"/>, the same for both engines (columns <c>plate</c>, <c>captured_at</c>,
/// <c>device_id</c>, <c>camera</c>; parameters named <c>@plate</c>, <c>@from</c>, <c>@to</c>, <c>@device</c>, <c>@camera</c>).
/// A pattern becomes <c>LIKE</c>, which pg_trgm's index serves in PostgreSQL.
/// </summary>
internal static class ReadQuerySql
{
    /// <summary>
    /// The <c>WHERE</c> clause (empty when nothing is set); <paramref name="parameter"/> receives each value. On hits
    /// (<paramref name="forHits"/>), a canvass circle selects hits whose read lies in it.
    /// </summary>
    public static string Where(ReadQuery query, Action<string, object> parameter, Func<DateTimeOffset, object> time, bool forHits = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(time);
        var conditions = new List<string>();
        if (query.Plate is { } plate)
        {
            conditions.Add(plate.IsPattern ? "plate LIKE @plate" : "plate = @plate");
            parameter("@plate", plate.IsPattern ? plate.ToLike() : plate.Text);
        }

        if (query.From is { } from)
        {
            conditions.Add("captured_at >= @from");
            parameter("@from", time(from));
        }

        if (query.To is { } to)
        {
            conditions.Add("captured_at < @to");
            parameter("@to", time(to));
        }

        if (query.DeviceId is { } device)
        {
            conditions.Add("device_id = @device");
            parameter("@device", device);
        }

        if (query.Camera is { } camera)
        {
            conditions.Add("camera = @camera");
            parameter("@camera", camera);
        }

        if (query.Near is { } near)
        {
            // Bounding box first (the reads_location index), then the circle in the local projection.
            var circle = "latitude BETWEEN @lat_min AND @lat_max AND longitude BETWEEN @lon_min AND @lon_max"
                + " AND ((latitude - @lat) * (latitude - @lat)) + ((longitude - @lon) * @lon_scale * (longitude - @lon) * @lon_scale) <= @span2";
            conditions.Add(forHits ? $"read_id IN (SELECT id FROM reads WHERE {circle})" : circle);
            parameter("@lat_min", near.Latitude - near.LatitudeSpan);
            parameter("@lat_max", near.Latitude + near.LatitudeSpan);
            parameter("@lon_min", near.Longitude - near.LongitudeSpan);
            parameter("@lon_max", near.Longitude + near.LongitudeSpan);
            parameter("@lat", near.Latitude);
            parameter("@lon", near.Longitude);
            parameter("@lon_scale", near.LongitudeScale);
            parameter("@span2", near.LatitudeSpan * near.LatitudeSpan);
        }

        return conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
    }
}
