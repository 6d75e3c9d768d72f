namespace Alpr.Edge.Storage.Encryption;

/// <summary>The one plate spelling the blind index is computed over: A-Z and 0-9, upper case, nothing else.</summary>
public static class PlateNormalizer
{
    /// <summary>Upper-cases and keeps only ASCII letters and digits (<c>"ab-12 3"</c> becomes <c>"AB123"</c>).</summary>
    public static string Normalize(string plate)
    {
        ArgumentNullException.ThrowIfNull(plate);
        return string.Create(CountKept(plate), plate, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    private static int CountKept(string plate)
    {
        var count = 0;
        foreach (var c in plate)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
