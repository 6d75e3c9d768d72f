namespace Alpr.Edge.Recognition.Cpu;

/// <summary>
/// The int8 class of this CPU and what decided it: the deciding flags it has and those it lacks, and any note (a flag only one
/// source reported, an override). <see cref="ToString"/> reads <c>x86-64-avx2 (avx2; no avx512_vnni, avx_vnni)</c>.
/// </summary>
/// <param name="Class">One of <see cref="CpuClasses.All"/>.</param>
/// <param name="Present">Deciding flags this CPU has.</param>
/// <param name="Absent">Deciding flags it lacks.</param>
/// <param name="Note">Where the reading came from when that matters (an override, sources that disagree); null otherwise.</param>
public sealed record CpuClassReading(string Class, IReadOnlyList<string> Present, IReadOnlyList<string> Absent, string? Note = null)
{
    /// <summary>The flags part of the log line: <c>avx2 avx512_vnni avx_vnni</c>, <c>avx2; no avx512_vnni, avx_vnni</c>, plus the note.</summary>
    public string Flags
    {
        get
        {
            var parts = new List<string>(3);
            if (Present.Count > 0)
            {
                parts.Add(string.Join(' ', Present));
            }

            if (Absent.Count > 0)
            {
                parts.Add("no " + string.Join(", ", Absent));
            }

            if (Note is not null)
            {
                parts.Add(Note);
            }

            return parts.Count == 0 ? "no deciding flags" : string.Join("; ", parts);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Class} ({Flags})";
}
