using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Reading;

namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>A detected text line and what the reader made of it.</summary>
/// <param name="Box">Where the detector found it.</param>
/// <param name="Reading">The reader's text.</param>
public sealed record TextLine(TextBox Box, CtcDecoding Reading);
