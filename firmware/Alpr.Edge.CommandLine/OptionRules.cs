using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Alpr.Edge.CommandLine;

/// <summary>
/// Validators for options. Each checks only a value that parsed: one that did not is reported by the parser
/// (said plainly by <see cref="ParseErrorText"/>), where reading it in a validator would throw.
/// </summary>
public static class OptionRules
{
    /// <summary>Refuses a value of <paramref name="option"/> outside <paramref name="low"/>..<paramref name="high"/>.</summary>
    public static Option<int> InRange(this Option<int> option, int low, int high)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (TryValue(result, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < low || value > high))
            {
                result.AddError($"{option.Name} must be between {low} and {high}.");
            }
        });
        return option;
    }

    /// <summary>Refuses a value of <paramref name="option"/> outside <paramref name="low"/>..<paramref name="high"/>, or not a number.</summary>
    public static Option<double> InRange(this Option<double> option, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (TryValue(result, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !(value >= low && value <= high))
            {
                result.AddError($"{option.Name} must be between {low.ToString(CultureInfo.InvariantCulture)} and {high.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>The text given for the option, when one value was given on the command line.</summary>
    public static bool TryValue(OptionResult result, out string text)
    {
        ArgumentNullException.ThrowIfNull(result);
        text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        return !result.Implicit && result.Tokens.Count == 1;
    }
}
