using System.Globalization;
using System.Text.Json;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>
/// Writes each read and hit to standard output: one JSON object a line with <c>--json</c>, otherwise a
/// readable line. Logs go to standard error, so standard output carries only these lines.
/// </summary>
public sealed class ConsoleReadReporter : IReadReporter
{
    private readonly TextWriter _output;
    private readonly bool _json;
    private readonly Lock _lock = new();

    /// <summary>Creates a reporter writing to <paramref name="output"/>.</summary>
    public ConsoleReadReporter(TextWriter output, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _json = json;
    }

    /// <inheritdoc />
    public void ReadStored(PlateReadMessage read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Write(_json
            ? JsonSerializer.Serialize(
                new ReadOutputLine
                {
                    Type = "read", Id = read.Id, Plate = read.Plate, Confidence = Math.Round(read.Confidence, 3),
                    CapturedAt = read.CapturedAt, Camera = read.Camera, DeviceId = read.DeviceId,
                },
                ReadOutputJson.Default.ReadOutputLine)
            : string.Create(CultureInfo.InvariantCulture, $"read {read.CapturedAt:yyyy-MM-dd HH:mm:ss.fff} {read.Camera} {read.Plate,-10} {read.Confidence:0.000} {read.Id}"));
    }

    /// <inheritdoc />
    public void HitStored(HotlistHitMessage hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var read = hit.Read;
        Write(_json
            ? JsonSerializer.Serialize(
                new ReadOutputLine
                {
                    Type = "hit", Id = hit.Id, Plate = read.Plate, Confidence = Math.Round(read.Confidence, 3),
                    CapturedAt = read.CapturedAt, Camera = read.Camera, DeviceId = read.DeviceId, ReadId = read.Id,
                    List = hit.ListName, Category = hit.Category, Match = hit.MatchKind, Entry = hit.EntryPlate,
                    Case = hit.CaseNumber, Verification = hit.Verification.ToString(),
                },
                ReadOutputJson.Default.ReadOutputLine)
            : string.Create(CultureInfo.InvariantCulture, $"HIT  {read.CapturedAt:yyyy-MM-dd HH:mm:ss.fff} {read.Camera} {read.Plate,-10} {read.Confidence:0.000} list={hit.ListName} category={hit.Category} match={hit.MatchKind} entry={hit.EntryPlate} case={hit.CaseNumber ?? "-"} {hit.Verification} (verify through CLETS before any action)"));
    }

    /// <inheritdoc />
    public void Acknowledged(IReadOnlyList<Guid> ids)
    {
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
