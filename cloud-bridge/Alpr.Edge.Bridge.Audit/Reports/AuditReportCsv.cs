using System.Globalization;
using System.Text;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>A report's sections as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they need it).</summary>
public static class AuditReportCsv
{
    /// <summary>The sections, by the names the API and the files use.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["searches-by-user", "searches-by-case", "outside-working-hours", "refused", "missed-transfers", "shares-and-requests"];

    /// <summary>One section as CSV with a header row; false when <paramref name="section"/> is not one of <see cref="Sections"/>.</summary>
    public static bool TryWrite(AuditReport report, string section, out string csv)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        switch (section)
        {
            case "searches-by-user":
                Counts(text, "user", report.SearchesByUser);
                break;
            case "searches-by-case":
                Counts(text, "case", report.SearchesByCase);
                break;
            case "outside-working-hours":
                Entries(text, report.OutsideWorkingHours);
                break;
            case "refused":
                Entries(text, report.Refused);
                break;
            case "shares-and-requests":
                Entries(text, report.SharesAndRequests);
                break;
            case "missed-transfers":
                Row(text, "device", "last_transfer_at", "days_since");
                foreach (var missed in report.MissedTransfers)
                {
                    Row(text, missed.DeviceId, Time(missed.LastTransferAt), missed.DaysSince.ToString(CultureInfo.InvariantCulture));
                }

                break;
            default:
                csv = string.Empty;
                return false;
        }

        csv = text.ToString();
        return true;
    }

    /// <summary>Every section, each after a line naming it, separated by a blank line.</summary>
    public static string WriteAll(AuditReport report)
    {
        var text = new StringBuilder();
        foreach (var section in Sections)
        {
            TryWrite(report, section, out var csv);
            text.Append("# ").Append(section).Append("\r\n").Append(csv).Append("\r\n");
        }

        return text.ToString();
    }

    private static void Counts(StringBuilder text, string key, IReadOnlyList<AuditCount> counts)
    {
        Row(text, key, "searches");
        foreach (var count in counts)
        {
            Row(text, count.Key, count.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Entries(StringBuilder text, IReadOnlyList<AuditEntry> entries)
    {
        Row(text, "sequence", "at", "user", "agency", "remote_address", "action", "outcome", "purpose", "case", "target", "detail");
        foreach (var e in entries)
        {
            Row(text, e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e.At), e.User, e.Agency, e.RemoteAddress, e.Action, e.Outcome,
                e.Purpose, e.CaseNumber, e.Target, e.Detail);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Quote(fields[i] ?? string.Empty));
        }

        text.Append("\r\n");
    }

    /// <summary>Quotes a field that holds a comma, quote or line break; a field starting with = + - @ is prefixed with ' so spreadsheets do not run it.</summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
