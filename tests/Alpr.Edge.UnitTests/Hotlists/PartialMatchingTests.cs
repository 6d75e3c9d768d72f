using System.Text.RegularExpressions;
using Alpr.Edge.Hotlists.Entries;
using Alpr.Edge.Hotlists.Matching;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class PartialMatchingTests
{
    [Theory]
    [InlineData("7AB?1*", "7ABC123")]
    [InlineData("7AB?1*", "7ABX1")]
    [InlineData("7AB?123", "7ABX123")]
    [InlineData("*C123", "7ABC123")]
    [InlineData("7ABC*123", "7ABC123")]
    [InlineData("7*3", "7ABC123")]
    [InlineData("?A?C*", "7ABC123")]
    public void A_pattern_matches_reads_that_fit_it(string pattern, string read)
    {
        var match = Assert.Single(Compile(Entry(pattern)).Match(read));

        Assert.Equal(MatchKind.Partial, match.Kind);
        Assert.Equal(0.9, match.Score);
        Assert.Equal(pattern, match.Entry.Plate);
        Assert.Equal($"partial: pattern {pattern}", match.Detail);
    }

    [Theory]
    [InlineData("7AB?1*", "7ABC223")]
    [InlineData("7AB?1*", "7AB1")]
    [InlineData("7AB?1*", "8ABC123")]
    [InlineData("7AC?1*", "7ABC123")]
    [InlineData("7AB?123", "7ABCD123")]
    [InlineData("7AB?123", "7AB123")]
    [InlineData("*C123", "7ABC1234")]
    [InlineData("7ABC*", "X7ABC123")]
    public void A_pattern_does_not_match_reads_that_do_not_fit_it(string pattern, string read)
    {
        Assert.Empty(Compile(Entry(pattern)).Match(read));
    }

    [Fact]
    public void A_confusions_pattern_matches_through_a_confusion_in_a_known_character()
    {
        var match = Assert.Single(Compile(Entry("7AB?1*", MatchStrictness.Confusions)).Match("7A8C123"));

        Assert.Equal(MatchKind.Partial, match.Kind);
        Assert.Equal(0.8, match.Score);
        Assert.Equal([new CharSubstitution(2, '8', 'B')], match.Substitutions);
    }

    [Fact]
    public void An_exact_pattern_does_not_match_through_a_confusion()
    {
        Assert.Empty(Compile(Entry("7AB?1*")).Match("7A8C123", "7ABCI23"));
    }

    [Fact]
    public void A_pattern_matches_through_an_alternative()
    {
        var match = Assert.Single(Compile(Entry("7AB?1*")).Match("7A8C123", "ZZZ", "7ABCI23", "7ABC123"));

        Assert.Equal(2, match.AlternativeIndex);
    }

    [Theory]
    [InlineData("7**1", "holds **")]
    [InlineData("?*", "at least 2 known")]
    [InlineData("7????????????", "more than 10")]
    [InlineData("7A.?", "only A-Z")]
    public void Bad_patterns_are_refused_with_a_reason(string pattern, string reason)
    {
        Assert.Contains(reason, HotlistEntryValidator.Problem(Entry(pattern)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_cannot_ask_for_one_edit()
    {
        Assert.Contains("cannot allow one edit", HotlistEntryValidator.Problem(Entry("7AB*", MatchStrictness.ConfusionsAndOneEdit)), StringComparison.Ordinal);
    }

    [Fact]
    public void Indexed_pattern_matches_agree_with_regular_expressions_on_random_patterns()
    {
        var random = new Random(99);
        const string alphabet = "ABCDEFGHJKMNPRUVWXY34679";
        char Known() => alphabet[random.Next(alphabet.Length)];
        string RandomPattern()
        {
            var chars = new List<char>();
            var length = random.Next(3, 8);
            for (var i = 0; i < length; i++)
            {
                var roll = random.Next(10);
                chars.Add(roll == 0 ? '?' : roll == 1 && (chars.Count == 0 || chars[^1] != '*') ? '*' : Known());
            }

            if (!chars.Contains('?') && !chars.Contains('*'))
            {
                chars[random.Next(chars.Count)] = '?';
            }

            return new string([.. chars]);
        }

        var entries = Enumerable.Range(0, 2000).Select(i => Entry(RandomPattern(), id: $"p{i}"))
            .Where(e => HotlistEntryValidator.Problem(e) is null).ToArray();
        var list = Compile(entries);
        var hits = 0;
        for (var r = 0; r < 500; r++)
        {
            var read = new string([.. Enumerable.Range(0, random.Next(3, 8)).Select(_ => alphabet[random.Next(6)])]);
            var expected = entries.Where(e => Regex.IsMatch(read, "^" + Regex.Escape(e.Plate).Replace("\\?", ".", StringComparison.Ordinal).Replace("\\*", ".*", StringComparison.Ordinal) + "$"))
                .Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();

            var actual = list.Match(read).Select(m => m.Entry.Id).Order(StringComparer.Ordinal).ToArray();

            Assert.True(expected.SequenceEqual(actual), $"read {read}: expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
            hits += actual.Length;
        }

        Assert.True(hits > 50, $"the random reads should hit some patterns (hit {hits})");
    }
}
