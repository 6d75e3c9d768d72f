namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>A hot-list entry that a read matched, and the text that matched it (the read's or an alternative).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="MatchedText">The read text or alternative that equals the entry.</param>
/// <param name="MatchKind">How it matched; this list only knows <c>exact</c>.</param>
public sealed record HotlistMatch(HotlistEntry Entry, string MatchedText, string MatchKind);
