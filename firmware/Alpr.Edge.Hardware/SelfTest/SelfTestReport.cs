using System.Text;
using System.Text.Json;

namespace Alpr.Edge.Hardware.SelfTest;

/// <summary>Renders self-test results for people (one line per check, the fix under each failure) and machines (JSON).</summary>
public static class SelfTestReport
{
    /// <summary>Process exit code: 0 when every check passed, 1 otherwise.</summary>
    public static int ExitCode(IReadOnlyList<SelfTestCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.All(c => c.Passed) ? 0 : 1;
    }

    /// <summary>Plain text: <c>PASS  name: detail</c>, and <c>      fix: ...</c> under each failure, then a summary line.</summary>
    public static string RenderText(IReadOnlyList<SelfTestCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var text = new StringBuilder();
        foreach (var check in checks)
        {
            text.Append(check.Passed ? "PASS  " : "FAIL  ").Append(check.Name).Append(": ").AppendLine(check.Detail);
            if (!check.Passed && check.Fix is { } fix)
            {
                text.Append("      fix: ").AppendLine(fix);
            }
        }

        var failed = checks.Count(c => !c.Passed);
        text.AppendLine(failed == 0 ? $"All {checks.Count} checks passed." : $"{failed} of {checks.Count} checks failed.");
        return text.ToString();
    }

    /// <summary>JSON: <c>{ "passed": bool, "checks": [ { "name", "passed", "detail", "fix" } ] }</c>.</summary>
    public static string RenderJson(IReadOnlyList<SelfTestCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return JsonSerializer.Serialize(new SelfTestDocument(ExitCode(checks) == 0, checks), SelfTestJsonContext.Default.SelfTestDocument);
    }
}
