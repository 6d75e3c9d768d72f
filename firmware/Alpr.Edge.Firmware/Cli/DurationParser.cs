using System.Globalization;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>Parses <c>--for</c> durations: whole numbers with units h, m, s, largest first (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1m30s</c>).</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; on failure returns false with a one-line reason.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = $"'{text}' is not a duration; use whole numbers with units h, m, s, such as 30s, 5m, 1h or 1m30s";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim().AsSpan();
        var lastUnit = int.MaxValue;
        var total = TimeSpan.Zero;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == rest.Length || digits > 9)
            {
                return false;
            }

            var (unit, rank) = char.ToLowerInvariant(rest[digits]) switch
            {
                'h' => (TimeSpan.FromHours(1), 3),
                'm' => (TimeSpan.FromMinutes(1), 2),
                's' => (TimeSpan.FromSeconds(1), 1),
                _ => (TimeSpan.Zero, 0),
            };
            if (rank == 0 || rank >= lastUnit)
            {
                return false;
            }

            total += unit * int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            lastUnit = rank;
            rest = rest[(digits + 1)..];
        }

        if (total <= TimeSpan.Zero)
        {
            error = $"'{text}' is zero; give a positive duration such as 30s";
            return false;
        }

        duration = total;
        error = null;
        return true;
    }
}
