using Alpr.Edge.Recognition.Models;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>How often an int8 model's reads matched fp32's on the same plates, with the first disagreement for the message.</summary>
internal sealed class Agreement(ModelChoice choice, string what)
{
    private (string Truth, string Int8, string Fp32)? firstDifference;

    public int Agreeing { get; private set; }

    public int Plates { get; private set; }

    /// <summary>fp32 reads that equal the rendered text (a sanity figure: agreeing on misreads is still agreeing).</summary>
    public int Fp32Exact { get; private set; }

    public void Add(string truth, string int8, string fp32)
    {
        Plates++;
        Fp32Exact += fp32 == truth ? 1 : 0;
        if (int8 == fp32)
        {
            Agreeing++;
        }
        else
        {
            firstDifference ??= (truth, int8, fp32);
        }
    }

    /// <summary><c>int8 agrees with fp32 on 16/16 rendered plates (plate-rec-int8 on x86-64-vnni (…); fp32 read 16/16 exactly)</c>.</summary>
    public string Detail(string cpu)
    {
        var difference = firstDifference is { } d
            ? $"; first difference: {d.Truth} read {Shown(d.Int8)} by int8, {Shown(d.Fp32)} by fp32"
            : string.Empty;
        return $"int8 agrees with fp32 on {Agreeing}/{Plates} {what} ({choice.Declared.Name} {choice.Loaded.File} on {cpu}; fp32 read {Fp32Exact}/{Plates} exactly{difference})";
    }

    private static string Shown(string text) => text.Length == 0 ? "nothing" : text;
}
