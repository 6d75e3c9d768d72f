using Alpr.Edge.Hotlists.Entries;
using Alpr.Edge.Hotlists.Matching;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class FuzzyMatchingTests
{
    public static TheoryData<char, char> ConfusionPairs()
    {
        var data = new TheoryData<char, char>();
        foreach (var confusionClass in PlateConfusions.Classes)
        {
            foreach (var a in confusionClass)
            {
                foreach (var b in confusionClass.Where(b => b != a))
                {
                    data.Add(a, b);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConfusionPairs))]
    public void Each_confusion_pair_matches_a_confusions_entry_and_is_reported(char onEntry, char onRead)
    {
        var list = Compile(Entry($"7A{onEntry}C12", MatchStrictness.Confusions));

        var match = Assert.Single(list.Match($"7A{onRead}C12"));

        Assert.Equal(MatchKind.Fuzzy, match.Kind);
        Assert.Equal(0.9, match.Score);
        Assert.Equal([new CharSubstitution(2, onRead, onEntry)], match.Substitutions);
        Assert.Equal($"fuzzy: {onRead}->{onEntry} at 3", match.Detail);
    }

    [Theory]
    [MemberData(nameof(ConfusionPairs))]
    public void No_confusion_pair_matches_an_exact_entry(char onEntry, char onRead)
    {
        Assert.Empty(Compile(Entry($"7A{onEntry}C12")).Match($"7A{onRead}C12"));
    }

    [Theory]
    [InlineData('B', 'E')]
    [InlineData('8', '3')]
    [InlineData('O', 'C')]
    [InlineData('1', '7')]
    [InlineData('M', 'N')]
    [InlineData('5', '6')]
    [InlineData('Z', 'S')]
    public void Characters_outside_one_confusion_class_never_match(char onEntry, char onRead)
    {
        Assert.Empty(Compile(Entry($"7A{onEntry}C12", MatchStrictness.ConfusionsAndOneEdit)).Match($"7A{onRead}C12"));
    }

    [Fact]
    public void Several_confusions_cost_score_until_the_minimum_refuses()
    {
        var list = Compile(Entry("OISZB6", MatchStrictness.Confusions));

        Assert.Equal(0.8, Assert.Single(list.Match("0ISZ86")).Score);
        Assert.Equal(0.7, Assert.Single(list.Match("0I5Z86")).Score);
        Assert.Empty(list.Match("015Z86"));
    }

    [Fact]
    public void An_entry_minimum_score_is_honoured()
    {
        var list = Compile(Entry("7ABC123", MatchStrictness.Confusions, minScore: 0.9));

        Assert.Single(list.Match("7A8C123"));
        Assert.Empty(list.Match("7A8C1Z3"));
    }

    [Fact]
    public void A_missing_character_matches_a_one_edit_entry()
    {
        var list = Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit));

        var match = Assert.Single(list.Match("7ABC12"));

        Assert.Equal(MatchKind.Fuzzy, match.Kind);
        Assert.Equal(new PlateEdit(PlateEditKind.MissingCharacter, 6, '3'), match.Edit);
        Assert.Equal(0.8, match.Score);
        Assert.Equal("fuzzy: missing 3 at 7", match.Detail);
    }

    [Fact]
    public void A_missing_first_character_matches_a_one_edit_entry()
    {
        var match = Assert.Single(Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit)).Match("ABC123"));

        Assert.Equal(new PlateEdit(PlateEditKind.MissingCharacter, 0, '7'), match.Edit);
    }

    [Fact]
    public void An_extra_character_matches_a_one_edit_entry()
    {
        var match = Assert.Single(Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit)).Match("7ABXC123"));

        Assert.Equal(new PlateEdit(PlateEditKind.ExtraCharacter, 3, 'X'), match.Edit);
        Assert.Empty(match.Substitutions);
    }

    [Fact]
    public void One_edit_and_one_confusion_together_still_match_at_the_default_minimum()
    {
        var match = Assert.Single(Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit)).Match("7A8C12"));

        Assert.Equal(0.7, match.Score);
        Assert.Equal([new CharSubstitution(2, '8', 'B')], match.Substitutions);
        Assert.Equal(new PlateEdit(PlateEditKind.MissingCharacter, 6, '3'), match.Edit);
    }

    [Fact]
    public void An_extra_character_after_a_confusion_reports_the_entry_character_in_place()
    {
        var match = Assert.Single(Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit)).Match("7AXBC1Z3"));

        Assert.Equal(new PlateEdit(PlateEditKind.ExtraCharacter, 2, 'X'), match.Edit);
        Assert.Equal([new CharSubstitution(6, 'Z', '2')], match.Substitutions);
    }

    [Theory]
    [InlineData("7ABC1")]
    [InlineData("7ABC12345")]
    [InlineData("7XBC12")]
    [InlineData("7ABXY123")]
    [InlineData("7ACB123")]
    public void Two_edits_or_an_arbitrary_substitution_do_not_match(string read)
    {
        Assert.Empty(Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit)).Match(read));
    }

    [Fact]
    public void A_confusions_entry_does_not_allow_a_missing_or_extra_character()
    {
        var list = Compile(Entry("7ABC123", MatchStrictness.Confusions));

        Assert.Empty(list.Match("7ABC12"));
        Assert.Empty(list.Match("7ABCC123"));
    }

    [Fact]
    public void The_best_of_the_read_texts_is_reported()
    {
        var list = Compile(Entry("7ABC123", MatchStrictness.ConfusionsAndOneEdit));

        var match = Assert.Single(list.Match("7A8C12", "7A8C123", "7ABC123"));

        Assert.Equal(MatchKind.Exact, match.Kind);
        Assert.Equal(1, match.AlternativeIndex);
    }

    [Fact]
    public void Fuzzy_matches_agree_with_a_brute_force_check_on_random_plates()
    {
        var random = new Random(1234);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        string RandomPlate(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        // A small alphabet of shapes so that neighbours actually occur.
        var entries = Enumerable.Range(0, 3000).Select(i => Entry(RandomPlate(2, 4), MatchStrictness.ConfusionsAndOneEdit, id: $"e{i}", minScore: 0)).ToArray();
        var list = Compile(entries);
        for (var r = 0; r < 400; r++)
        {
            var read = RandomPlate(1, 5);
            var expected = entries.Where(e => BruteForce(e.Plate, read)).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();

            var actual = list.Match(read).Select(m => m.Entry.Id).Order(StringComparer.Ordinal).ToArray();

            Assert.True(expected.SequenceEqual(actual), $"read {read}: expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
        }
    }

    [Fact]
    public void Mixed_strictness_matches_agree_with_a_brute_force_check()
    {
        var random = new Random(4321);
        const string alphabet = "ABO0DQI1TL8S5Z2G6";
        string RandomPlate(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var entries = Enumerable.Range(0, 2000).Select(i => Entry(RandomPlate(2, 4), (MatchStrictness)(i % 3), id: $"e{i}", minScore: 0)).ToArray();
        var list = Compile(entries);
        for (var r = 0; r < 300; r++)
        {
            var read = RandomPlate(1, 5);
            var expected = entries.Where(e => e.Strictness switch
            {
                MatchStrictness.Exact => e.Plate == read,
                MatchStrictness.Confusions => Canonical(e.Plate) == Canonical(read),
                _ => BruteForce(e.Plate, read),
            }).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();

            var actual = list.Match(read).Select(m => m.Entry.Id).Order(StringComparer.Ordinal).ToArray();

            Assert.True(expected.SequenceEqual(actual), $"read {read}: expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
        }
    }

    private static bool BruteForce(string entry, string read)
    {
        var e = Canonical(entry);
        var r = Canonical(read);
        if (e == r)
        {
            return true;
        }

        return (e.Length == r.Length + 1 && Enumerable.Range(0, e.Length).Any(i => e.Remove(i, 1) == r))
            || (r.Length == e.Length + 1 && Enumerable.Range(0, r.Length).Any(i => r.Remove(i, 1) == e));
    }

    private static string Canonical(string text) =>
        new([.. text.Select(c => PlateConfusions.Classes.FirstOrDefault(k => k.Contains(c, StringComparison.Ordinal))?[0] ?? c)]);
}
