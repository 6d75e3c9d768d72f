using System.Collections.Frozen;
using System.Text.Json;

namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// Standard-issue US plate serial formats by state, as data (<c>us-plate-formats.json</c>, embedded): <c>#</c> is a digit,
/// <c>A</c> a letter, e.g. California <c>#AAA###</c>. Used as a prior on ambiguous characters, never as a filter.
/// </summary>
public sealed class PlateFormatBook
{
    private const string ResourceName = "Alpr.Edge.Recognition.PostProcessing.us-plate-formats.json";
    private readonly FrozenDictionary<string, FrozenSet<string>> _byState;
    private readonly FrozenSet<string> _all;

    private PlateFormatBook(Dictionary<string, string[]> states)
    {
        _byState = states.ToFrozenDictionary(s => s.Key.ToUpperInvariant(), s => s.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        _all = states.Values.SelectMany(v => v).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>State postal codes the book knows.</summary>
    public IReadOnlyCollection<string> States => _byState.Keys;

    /// <summary>Loads the book embedded in this assembly.</summary>
    public static PlateFormatBook LoadEmbedded()
    {
        using var stream = typeof(PlateFormatBook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        return Load(stream);
    }

    /// <summary>Loads a book from JSON: <c>{"states": {"CA": ["#AAA###"], ...}}</c>.</summary>
    public static PlateFormatBook Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var states = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in document.RootElement.GetProperty("states").EnumerateObject())
        {
            var formats = state.Value.EnumerateArray().Select(f => f.GetString() ?? string.Empty).ToArray();
            if (formats.Any(f => f.Length == 0 || f.Any(c => c is not ('#' or 'A'))))
            {
                throw new FormatException($"plate formats of {state.Name}: each format is '#' (digit) and 'A' (letter) only");
            }

            states[state.Name] = formats;
        }

        return new PlateFormatBook(states);
    }

    /// <summary>The shape of a text: each digit as <c>#</c>, anything else as <c>A</c>.</summary>
    public static string ShapeOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsAsciiDigit(t[i]) ? '#' : 'A';
            }
        });
    }

    /// <summary>True when the state is in the book.</summary>
    public bool Knows(string state) => _byState.ContainsKey(state);

    /// <summary>True when <paramref name="text"/> has a standard format of one of <paramref name="states"/>.</summary>
    public bool IsFormatOf(string text, IEnumerable<string> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var shape = ShapeOf(text);
        return states.Any(s => _byState.TryGetValue(s, out var formats) && formats.Contains(shape));
    }

    /// <summary>True when <paramref name="text"/> has the standard format of any state.</summary>
    public bool IsAnyStateFormat(string text) => _all.Contains(ShapeOf(text));
}
