using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Benchmarks;

/// <summary>
/// A synthetic but plate-shaped workload: a million entries in the formats of western US states (7-character
/// California style, 6-character older plates, digits-first), 10,000 partial patterns, and reads with five
/// alternatives made of the confusions and drops a recogniser produces, 1 % of them of listed plates. Half the
/// plates match exactly only, 49 % allow confusions, 1 % (say AMBER alerts) also one missing or extra character;
/// of the patterns, 60 % miss one character, 15 % two, 25 % give only the first characters and end in <c>*</c>;
/// 30 % of them allow confusions.
/// </summary>
internal sealed class HotlistWorkload(int seed)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private static readonly string[] States = ["CA", "NV", "OR", "AZ", "WA"];
    private static readonly string[] Categories =
        [HotlistCategories.StolenVehicle, HotlistCategories.StolenPlate, HotlistCategories.WantedPerson, HotlistCategories.MissingPerson, HotlistCategories.AmberAlert, HotlistCategories.Warrant];

    private static readonly Dictionary<char, string> Confusions = new()
    {
        ['O'] = "0DQ", ['0'] = "ODQ", ['D'] = "0O", ['Q'] = "0O", ['I'] = "1TL", ['1'] = "ILT", ['T'] = "1I", ['L'] = "1I",
        ['B'] = "8", ['8'] = "B", ['S'] = "5", ['5'] = "S", ['Z'] = "2", ['2'] = "Z", ['G'] = "6", ['6'] = "G",
    };

    private readonly Random _random = new(seed);

    /// <summary>A plate in one of the common shapes.</summary>
    public string Plate() => _random.Next(10) switch
    {
        < 6 => $"{D()}{L()}{L()}{L()}{D()}{D()}{D()}",
        < 8 => $"{L()}{L()}{L()}{D()}{D()}{D()}",
        < 9 => $"{D()}{D()}{D()}{L()}{L()}{L()}",
        _ => $"{D()}{L()}{D()}{D()}{D()}{D()}{D()}",
    };

    /// <summary>Entries: <paramref name="plates"/> plates (mixed strictness) and <paramref name="patterns"/> patterns.</summary>
    public List<HotlistEntry> Entries(int plates, int patterns)
    {
        var entries = new List<HotlistEntry>(plates + patterns);
        for (var i = 0; i < plates + patterns; i++)
        {
            var plate = i < plates ? Plate() : Pattern();
            var clets = _random.Next(10) < 3;
            entries.Add(new HotlistEntry
            {
                Id = $"E{i:D8}",
                Plate = plate,
                ListName = $"list-{_random.Next(8)}",
                Category = Categories[_random.Next(Categories.Length)],
                IssuingState = States[_random.Next(States.Length)],
                DetailsFromClets = clets,
                CletsReference = clets ? $"CL{_random.NextInt64(1_000_000_000_000):D12}" : null,
                CaseNumber = _random.Next(2) == 0 ? $"2026-{_random.Next(1_000_000):D6}" : null,
                EnteredBy = $"user{_random.Next(40)}",
                ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(_random.Next(8760)),
                Strictness = PlateText.IsPattern(plate)
                    ? (_random.Next(10) < 3 ? MatchStrictness.Confusions : MatchStrictness.Exact)
                    : _random.Next(100) switch { < 50 => MatchStrictness.Exact, < 99 => MatchStrictness.Confusions, _ => MatchStrictness.ConfusionsAndOneEdit },
            });
        }

        return entries;
    }

    /// <summary>A read of <paramref name="truth"/>: a top text and five alternatives with confusions and one drop.</summary>
    public (string Text, string[] Alternatives) Read(string truth)
    {
        var alternatives = new string[5];
        for (var i = 0; i < alternatives.Length; i++)
        {
            alternatives[i] = i == 4 && truth.Length > 2 ? truth.Remove(_random.Next(truth.Length), 1) : Confuse(truth, 1 + (i / 2));
        }

        return (_random.Next(3) == 0 ? Confuse(truth, 1) : truth, alternatives);
    }

    private string Pattern()
    {
        // Most witness reports miss one character, some two; a quarter know only the start of the plate.
        var chars = Plate().ToCharArray();
        var roll = _random.Next(100);
        if (roll < 25)
        {
            return new string(chars[..(chars.Length - 2)]) + "*";
        }

        chars[_random.Next(1, chars.Length)] = '?';
        if (roll < 40)
        {
            chars[_random.Next(1, chars.Length)] = '?';
        }

        return new string(chars);
    }

    private string Confuse(string text, int changes)
    {
        var chars = text.ToCharArray();
        for (var n = 0; n < changes; n++)
        {
            var at = _random.Next(chars.Length);
            if (Confusions.TryGetValue(chars[at], out var options))
            {
                chars[at] = options[_random.Next(options.Length)];
            }
        }

        return new string(chars);
    }

    private char L() => Letters[_random.Next(Letters.Length)];

    private char D() => Digits[_random.Next(Digits.Length)];
}
