namespace Alpr.Edge.Recognition.Reading;

/// <summary>
/// Best-path CTC decoding restricted to a plate alphabet: at each time step the probabilities of the classes that map
/// to the same symbol are summed, masked classes count as blank, and runs of the same symbol collapse into one character.
/// </summary>
public static class CtcGreedyDecoder
{
    /// <summary>Decodes <paramref name="steps"/> rows of <see cref="CtcClassMap.ClassCount"/> probabilities (softmax output).</summary>
    public static CtcDecoding Decode(ReadOnlySpan<float> probabilities, int steps, CtcClassMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var classes = map.ClassCount;
        if (probabilities.Length < steps * classes)
        {
            throw new ArgumentException($"expected {steps} x {classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        }

        var alphabet = map.Alphabet;
        var symbolProbability = new float[alphabet.Length];
        var text = new List<char>();
        var confidences = new List<float>();
        var runnerUps = new List<char>();
        var runnerUpConfidences = new List<float>();
        var previous = CtcClassMap.Blank;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            Array.Clear(symbolProbability);
            var blank = 0f;
            for (var c = 0; c < classes; c++)
            {
                var symbol = map.SymbolOf(c);
                if (symbol >= 0)
                {
                    symbolProbability[symbol] += row[c];
                }
                else
                {
                    blank += row[c];
                }
            }

            var (best, second) = TopTwo(symbolProbability);
            var current = symbolProbability[best] > blank ? best : CtcClassMap.Blank;
            if (current >= 0)
            {
                if (current != previous)
                {
                    text.Add(alphabet[current]);
                    confidences.Add(symbolProbability[best]);
                    runnerUps.Add(alphabet[second]);
                    runnerUpConfidences.Add(symbolProbability[second]);
                }
                else if (symbolProbability[best] > confidences[^1])
                {
                    confidences[^1] = symbolProbability[best];
                    runnerUps[^1] = alphabet[second];
                    runnerUpConfidences[^1] = symbolProbability[second];
                }
            }

            previous = current;
        }

        return new CtcDecoding(new string([.. text]), [.. confidences], new string([.. runnerUps]), [.. runnerUpConfidences]);
    }

    private static (int Best, int Second) TopTwo(float[] values)
    {
        int best = 0, second = values.Length > 1 ? 1 : 0;
        if (values.Length > 1 && values[1] > values[0])
        {
            (best, second) = (1, 0);
        }

        for (var i = 2; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                (best, second) = (i, best);
            }
            else if (values[i] > values[second])
            {
                second = i;
            }
        }

        return (best, second);
    }
}
