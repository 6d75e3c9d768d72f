namespace Alpr.Edge.Recognition.Models;

/// <summary>How a model's output is decoded. <see cref="Type"/> says which of the other settings apply.</summary>
public sealed record ManifestDecoder
{
    /// <summary>Decoder type for detectors.</summary>
    public const string DifferentiableBinarization = "db";

    /// <summary>Decoder type for recognisers.</summary>
    public const string Ctc = "ctc";

    /// <summary>DB regions value: the map is of text lines, each read and the plates chosen among them (the default).</summary>
    public const string TextLineRegions = "textLines";

    /// <summary>DB regions value: the map is of whole plates, each region cut out padded and read as one plate.</summary>
    public const string PlateRegions = "plates";

    /// <summary>DB box score value: the mean probability over the box's minimum-area rectangle (PaddleOCR's "fast" score; the default).</summary>
    public const string RectangleBoxScore = "rectangle";

    /// <summary>DB box score value: the mean probability over the component's own pixels, those above <see cref="Threshold"/>.</summary>
    public const string ComponentBoxScore = "component";

    /// <summary>Largest <see cref="PlatePadX"/> or <see cref="PlatePadY"/> the loader accepts.</summary>
    public const float MaxPlatePad = 0.5f;

    /// <summary><see cref="DifferentiableBinarization"/> or <see cref="Ctc"/>.</summary>
    public required string Type { get; init; }

    /// <summary>DB: the longer image side is scaled to at most this many pixels.</summary>
    public int MaxSide { get; init; } = 960;

    /// <summary>DB: both input sides are rounded to a multiple of this.</summary>
    public int SizeMultiple { get; init; } = 32;

    /// <summary>DB: probability above which a pixel is text.</summary>
    public float Threshold { get; init; } = 0.3f;

    /// <summary>DB: minimum mean probability inside a box.</summary>
    public float BoxThreshold { get; init; } = 0.6f;

    /// <summary>DB: how far a box is grown (area * ratio / perimeter).</summary>
    public float UnclipRatio { get; init; } = 1.5f;

    /// <summary>DB: boxes with a shorter side (map pixels) are dropped.</summary>
    public float MinSide { get; init; } = 3;

    // The three below have setters, not init: the source-generated manifest reader passes every init-only property to the
    // object initializer, a missing key as default(T), which would replace these defaults with null and 0.

    /// <summary>DB: what the map's regions are, <see cref="TextLineRegions"/> (the default when absent) or <see cref="PlateRegions"/>.</summary>
    public string Regions { get; set; } = TextLineRegions;

    /// <summary>DB, <see cref="PlateRegions"/>: fraction of a plate box's width added on each side (along the box) before it is cut out; 0.06 when absent.</summary>
    public float PlatePadX { get; set; } = 0.06f;

    /// <summary>DB, <see cref="PlateRegions"/>: fraction of a plate box's height added on each side (across the box) before it is cut out; 0.12 when absent.</summary>
    public float PlatePadY { get; set; } = 0.12f;

    /// <summary>
    /// DB: what <see cref="BoxThreshold"/> is compared with, <see cref="RectangleBoxScore"/> (the default when absent) or
    /// <see cref="ComponentBoxScore"/>: a model validated with one must be decoded with the same.
    /// </summary>
    public string BoxScore { get; set; } = RectangleBoxScore;

    /// <summary>
    /// DB: the longest input side, in pixels, the model still works at (a plate detector trained at 512 finds nothing at
    /// 1280); <c>Recognition:DetectorMaxSide</c> above it is refused at start-up. 0 (absent) sets no limit.
    /// </summary>
    public int LargestInput { get; set; }

    /// <summary>CTC: index of the blank class.</summary>
    public int BlankIndex { get; init; }

    /// <summary>CTC: the dictionary, one symbol per line, class i+1 for line i. Without it the classes are the blank and then one per <see cref="Alphabet"/> character, in order.</summary>
    public ManifestFileReference? Dictionary { get; init; }

    /// <summary>CTC: the model has one more class, a space, after the dictionary.</summary>
    public bool AppendSpace { get; init; }

    /// <summary>CTC: the only symbols a plate may hold; other classes are masked. Without a <see cref="Dictionary"/> it is also the model's class list after the blank.</summary>
    public string Alphabet { get; init; } = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>CTC: lower-case letters count towards their upper-case symbol.</summary>
    public bool FoldLowerCase { get; init; } = true;

    /// <summary>CTC: input width limit; narrower crops are padded.</summary>
    public int MaxWidth { get; init; } = 320;

    /// <summary>CTC: crops are stretched this much horizontally before resizing, so repeated characters get enough time steps.</summary>
    public float HorizontalStretch { get; init; } = 1;
}
