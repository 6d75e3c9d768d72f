using System.Text.Json.Serialization;

namespace Alpr.Edge.Hotlists.Entries;

/// <summary>
/// How loosely an entry may match a read. A pattern entry (<c>?</c>, <c>*</c>) is partial by nature; its
/// strictness only says whether its known characters may be OCR confusions.
/// </summary>
public enum MatchStrictness
{
    /// <summary>Only the same characters (after normalisation), in the read's text or one of its alternatives.</summary>
    [JsonStringEnumMemberName("exact")]
    Exact = 0,

    /// <summary>Also characters OCR confuses (O/0/D/Q, I/1/T/L, B/8, S/5, Z/2, G/6), each costing score.</summary>
    [JsonStringEnumMemberName("confusions")]
    Confusions = 1,

    /// <summary>Confusions, and one missing or extra character in the read (plates only, not patterns).</summary>
    [JsonStringEnumMemberName("confusions-and-one-edit")]
    ConfusionsAndOneEdit = 2,
}
