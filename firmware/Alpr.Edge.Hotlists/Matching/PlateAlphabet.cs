namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Character codes for packed keys: raw codes 1-36 (A-Z, 0-9; 0 = not a plate character) and canonical codes
/// 1-26, one per confusion class, so that texts differing only by confusions share a canonical key.
/// </summary>
internal static class PlateAlphabet
{
    /// <summary>Number of canonical codes (1..CanonicalCount).</summary>
    public const int CanonicalCount = 26;

    private const string Characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly byte[] RawOfAscii = BuildRawTable();
    private static readonly byte[] CanonicalOfRaw = BuildCanonicalTable();

    /// <summary>Raw code of a character, 0 when it is not A-Z or 0-9.</summary>
    public static byte Raw(char c) => c < 128 ? RawOfAscii[c] : (byte)0;

    /// <summary>The character of a raw code (1-36).</summary>
    public static char Character(byte raw) => Characters[raw - 1];

    /// <summary>Canonical code (1-26) of a raw code.</summary>
    public static byte Canonical(byte raw) => CanonicalOfRaw[raw];

    private static byte[] BuildRawTable()
    {
        var table = new byte[128];
        for (var i = 0; i < Characters.Length; i++)
        {
            table[Characters[i]] = (byte)(i + 1);
        }

        return table;
    }

    private static byte[] BuildCanonicalTable()
    {
        // Each class gets the code of its first character; every other character its own; then codes are made dense.
        var representative = new char[128];
        foreach (var c in Characters)
        {
            representative[c] = c;
        }

        foreach (var confusionClass in PlateConfusions.Classes)
        {
            foreach (var c in confusionClass)
            {
                representative[c] = confusionClass[0];
            }
        }

        var dense = new Dictionary<char, byte>();
        var table = new byte[Characters.Length + 1];
        for (var i = 0; i < Characters.Length; i++)
        {
            var rep = representative[Characters[i]];
            if (!dense.TryGetValue(rep, out var code))
            {
                code = (byte)(dense.Count + 1);
                dense.Add(rep, code);
            }

            table[i + 1] = code;
        }

        return dense.Count == CanonicalCount
            ? table
            : throw new InvalidOperationException($"confusion classes give {dense.Count} canonical codes, expected {CanonicalCount}");
    }
}
