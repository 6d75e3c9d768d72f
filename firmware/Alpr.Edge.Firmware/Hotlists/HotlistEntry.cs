namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>One line of a hot list.</summary>
/// <param name="Plate">Normalised plate (A-Z, 0-9).</param>
/// <param name="ListName">Name of the list the entry belongs to.</param>
/// <param name="Category">Category (stolen vehicle, wanted person...).</param>
/// <param name="CaseNumber">Case or incident number, if any.</param>
/// <param name="LineNumber">Line of the file the entry came from, for audits.</param>
public sealed record HotlistEntry(string Plate, string ListName, string Category, string? CaseNumber, int LineNumber);
