using Alpr.Edge.Recognition.PostProcessing;
using Alpr.Edge.Recognition.Reading;

namespace Alpr.Edge.Recognition.PlateRegions;

/// <summary>
/// Turns the readings of plate regions into plates: one per region whose text has 4 to 8 characters, scored
/// <c>reading confidence x detector box score</c> (both 0..1: the mean character probability and the mean plate probability
/// inside the detector's box), with the letter-O and format-prior rules of <see cref="PlateCandidateSelector.ToPlate"/>.
/// Plates whose reported confidence is under the minimum score are dropped; of two whose boxes intersect by more than
/// <see cref="DuplicateOverlap"/> of the smaller box only the higher score is kept; best first.
/// </summary>
public static class PlateRegionScorer
{
    /// <summary>Share of the smaller plate box covered by a higher-scoring one above which the two are the same plate.</summary>
    public const double DuplicateOverlap = 0.3;

    /// <summary>
    /// The plates read in <paramref name="boxes"/> (<paramref name="readings"/> in the same order), best first, each with
    /// confidence at least <paramref name="minScore"/>; look-alike characters are rescored by <paramref name="prior"/> when given.
    /// </summary>
    public static IReadOnlyList<PlateReading> Plates(
        IReadOnlyList<PlateBox> boxes, IReadOnlyList<CtcDecoding> readings, double minScore, PlateFormatPrior? prior)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(readings);
        if (boxes.Count != readings.Count)
        {
            throw new ArgumentException($"{boxes.Count} plate boxes but {readings.Count} readings", nameof(readings));
        }

        var plates = new List<PlateReading>(boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            var reading = readings[i];
            if (reading.Text.Length is < PlateTextRules.MinLength or > PlateTextRules.MaxLength)
            {
                continue;
            }

            var plate = PlateCandidateSelector.ToPlate(reading, Score(reading, boxes[i].Detected.Score), boxes[i].Bounds, prior);
            if (plate.Confidence >= minScore && plate.Confidence > 0)
            {
                plates.Add(plate);
            }
        }

        var kept = new List<PlateReading>(plates.Count);
        foreach (var plate in plates.OrderByDescending(p => p.Confidence))
        {
            if (!kept.Any(k => PlateCandidateSelector.OverlapOfSmaller(k.Box, plate.Box) > DuplicateOverlap))
            {
                kept.Add(plate);
            }
        }

        return kept;
    }

    /// <summary>A plate region's score: the reading's mean character confidence times the detector's mean probability inside its box, 0..1.</summary>
    public static double Score(CtcDecoding reading, float detectorScore)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return Math.Clamp(reading.Confidence * (double)detectorScore, 0, 1);
    }
}
