namespace Alpr.Edge.Storage.Ring;

/// <summary>What one bounded purge step did.</summary>
/// <param name="Purged">Acknowledged records removed (aged out or over budget).</param>
/// <param name="ImagesDropped">Un-transferred reads stripped of their images.</param>
/// <param name="ReadsDropped">Un-transferred reads (without hits) removed because the budget was exhausted.</param>
/// <param name="FreedBytes">Logical bytes freed.</param>
/// <param name="MoreWork">True when the step stopped at its batch limit and another step would do more.</param>
public readonly record struct PurgeResult(int Purged, int ImagesDropped, int ReadsDropped, long FreedBytes, bool MoreWork);
