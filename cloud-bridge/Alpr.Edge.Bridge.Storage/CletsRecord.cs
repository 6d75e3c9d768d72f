namespace Alpr.Edge.Bridge.Storage;

/// <summary>The details of a CLETS-derived hot-list entry, kept at the bridge under the entry's opaque reference.</summary>
/// <param name="Reference">The opaque reference the hot list and the device's hits carry.</param>
/// <param name="Details">What CLETS says (vehicle, reason, agency), as imported.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="ImportedBy">Who imported it.</param>
public sealed record CletsRecord(string Reference, string Details, DateTimeOffset ImportedAt, string ImportedBy);
