using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alpr.Edge.Hardware.SelfTest;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>The outcome of <c>alpr-edge selftest</c>: the checks that ran, and those left out on request.</summary>
internal sealed record SelftestResult(IReadOnlyList<SelfTestCheck> Checks, IReadOnlyList<SkippedCheck> Skipped)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>0 when every check that ran passed, 1 otherwise (a skipped check is not a pass, but not a failure either).</summary>
    public int ExitCode => SelfTestReport.ExitCode(Checks);

    /// <summary><see cref="SelfTestReport.RenderText"/> with a <c>SKIP  name: not checked (reason)</c> line per skipped check above the summary.</summary>
    public string RenderText()
    {
        // The skipped checks go above the library's summary line, which stays last.
        var lines = SelfTestReport.RenderText(Checks).TrimEnd().Split('\n');
        var text = new StringBuilder();
        foreach (var line in lines[..^1])
        {
            text.AppendLine(line.TrimEnd('\r'));
        }

        foreach (var skipped in Skipped)
        {
            text.Append("SKIP  ").Append(skipped.Name).Append(": not checked (").Append(skipped.Reason).AppendLine(")");
        }

        var summary = lines[^1].TrimEnd('\r');
        return text.AppendLine(Skipped.Count == 0 ? summary : $"{summary} {Skipped.Count} not checked.").ToString();
    }

    /// <summary><see cref="SelfTestReport.RenderJson"/> plus <c>"notChecked": [ { "name", "reason" } ]</c>.</summary>
    public string RenderJson()
    {
        var document = JsonNode.Parse(SelfTestReport.RenderJson(Checks))!.AsObject();
        var notChecked = new JsonArray();
        foreach (var skipped in Skipped)
        {
            notChecked.Add(new JsonObject { ["name"] = skipped.Name, ["reason"] = skipped.Reason });
        }

        document["notChecked"] = notChecked;
        return document.ToJsonString(Indented);
    }
}
