using System.Text;

namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>Issues plates from a seeded <see cref="Random"/>: either the configured texts in order or generated ones.</summary>
public sealed class PlateIssuer
{
    // I, O and Q are left out, as most states do, so generated plates are unambiguous.
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string Digits = "0123456789";

    private readonly Random _random;
    private readonly IReadOnlyList<string> _texts;
    private int _issued;

    /// <summary>Creates an issuer drawing from <paramref name="random"/>; <paramref name="texts"/> (if any) are used in order, cycling.</summary>
    public PlateIssuer(Random random, IReadOnlyList<string>? texts)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
        _texts = texts ?? [];
    }

    /// <summary>The next plate.</summary>
    public PlateDesign Next()
    {
        var style = PlateStyle.All[_random.Next(PlateStyle.All.Count)];
        var index = _issued++;
        if (_texts.Count > 0)
        {
            var text = _texts[index % _texts.Count];
            var format = PlateFormats.FindFor(text) ?? PlateFormats.All[_random.Next(PlateFormats.All.Count - 1)];
            return new PlateDesign(text, format, style);
        }

        // Vanity plates are rarer than the state formats.
        var pick = _random.Next(PlateFormats.All.Count * 2 - 1);
        var chosen = pick < (PlateFormats.All.Count - 1) * 2 ? PlateFormats.All[pick / 2] : PlateFormats.Vanity;
        return new PlateDesign(Generate(chosen), chosen, style);
    }

    private string Generate(PlateFormat format)
    {
        if (format.Pattern is null)
        {
            return format.VanityTexts[_random.Next(format.VanityTexts.Count)];
        }

        var text = new StringBuilder(format.Pattern.Length);
        foreach (var slot in format.Pattern)
        {
            text.Append(slot switch
            {
                '#' => Digits[_random.Next(Digits.Length)],
                'A' => Letters[_random.Next(Letters.Length)],
                _ => slot,
            });
        }

        return text.ToString();
    }
}
