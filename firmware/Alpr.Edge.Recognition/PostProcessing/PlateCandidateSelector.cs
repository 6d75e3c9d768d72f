using Alpr.Edge.Recognition.Reading;

namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// Chooses the text lines that are plate numbers: plate-like content (<see cref="PlateTextRules"/>), a line shape that
/// fits a row of characters, and the reader's confidence. Score = confidence x content x shape. One plate holds one
/// number: a weaker line whose plate box overlaps a stronger one's (a state name, a slogan, a dealer frame) is dropped.
/// </summary>
public static class PlateCandidateSelector
{
    /// <summary>Alternatives kept per plate.</summary>
    public const int MaxAlternatives = 5;

    /// <summary>Share of the smaller plate box covered by a stronger one above which the weaker is the same plate.</summary>
    private const double SamePlateOverlap = 0.3;

    /// <summary>Plates among <paramref name="lines"/>, best first, with score at least <paramref name="minScore"/>.</summary>
    public static IReadOnlyList<PlateReading> Select(IReadOnlyList<TextLine> lines, int imageWidth, int imageHeight, double minScore) =>
        Select(lines, imageWidth, imageHeight, minScore, prior: null);

    /// <summary>Plates among <paramref name="lines"/>, best first, with look-alike characters rescored by <paramref name="prior"/> when given.</summary>
    public static IReadOnlyList<PlateReading> Select(IReadOnlyList<TextLine> lines, int imageWidth, int imageHeight, double minScore, PlateFormatPrior? prior)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var plates = new List<PlateReading>();
        foreach (var line in lines)
        {
            var reading = line.Reading;
            var score = reading.Confidence * PlateTextRules.ContentScore(reading.Text) * ShapeScore(line);
            if (score < minScore || score <= 0)
            {
                continue;
            }

            plates.Add(ToPlate(reading, score, PlateExtent.Estimate(line.Box.Corners, imageWidth, imageHeight), prior));
        }

        var kept = new List<PlateReading>();
        foreach (var plate in plates.OrderByDescending(p => p.Confidence))
        {
            if (!kept.Any(k => OverlapOfSmaller(k.Box, plate.Box) > SamePlateOverlap))
            {
                kept.Add(plate);
            }
        }

        return kept;
    }

    /// <summary>
    /// A plate reading of <paramref name="reading"/> with the given overall score and box. The text goes through
    /// <see cref="LetterOAndZero"/> and then, when given, the format <paramref name="prior"/>; when either changes it,
    /// the text it replaced becomes an alternative.
    /// </summary>
    public static PlateReading ToPlate(CtcDecoding reading, double score, PlateRegion box, PlateFormatPrior? prior = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        score = Math.Clamp(score, 0, 1);
        var text = LetterOAndZero.Prefer(reading.Text);
        var alternatives = AlternativeReadings.Of(reading, MaxAlternatives)
            .Select(a => (a.Text, Score: Math.Clamp(score * a.Score / Math.Max(reading.Confidence, 1e-6), 0, 1)))
            .ToList();
        if (text != reading.Text)
        {
            alternatives.Insert(0, (reading.Text, score * 0.99));
        }

        if (prior is not null)
        {
            var chosen = prior.Choose(text, score, alternatives);
            if (chosen != text)
            {
                var chosenScore = alternatives.First(a => a.Text == chosen).Score;
                alternatives.Insert(0, (text, score));
                (text, score) = (chosen, chosenScore);
            }
        }

        return new PlateReading
        {
            Text = text,
            Confidence = score,
            CharacterConfidences = [.. reading.Confidences.Select(c => (double)c)],
            Box = box,
            Alternatives = alternatives.Where(a => a.Text != text).DistinctBy(a => a.Text).Take(MaxAlternatives).ToList(),
        };
    }

    /// <summary>
    /// 1 when the line is as long as a row of its characters should be (each character roughly half as wide as tall,
    /// stretched by the box's growth), falling off for lines far too long or short for their text.
    /// </summary>
    private static double ShapeScore(TextLine line)
    {
        var height = Math.Max(line.Box.Corners.Height, 1f);
        var aspect = line.Box.Corners.Width / height;
        var perCharacter = (double)aspect / Math.Max(line.Reading.Text.Length, 1);
        return perCharacter switch
        {
            < 0.2 or > 2.0 => 0.3,
            < 0.3 or > 1.2 => 0.7,
            _ => 1.0,
        };
    }

    /// <summary>Intersection of two boxes as a share of the smaller one's area (0 when either is empty).</summary>
    internal static double OverlapOfSmaller(PlateRegion a, PlateRegion b)
    {
        var width = Math.Max(0, Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X));
        var height = Math.Max(0, Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y));
        var smaller = Math.Min((double)a.Width * a.Height, (double)b.Width * b.Height);
        return smaller <= 0 ? 0 : width * height / smaller;
    }
}
