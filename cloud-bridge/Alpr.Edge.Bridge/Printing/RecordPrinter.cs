using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Printing;

/// <summary>
/// Writes one line per newly stored read or hit to standard output (logs go to standard error).
/// Tests register their own instance over a <see cref="StringWriter"/>.
/// </summary>
public sealed class RecordPrinter
{
    private readonly TextWriter _output;
    private readonly bool _printPlates;
    private readonly Lock _gate = new();

    /// <summary>Prints to <paramref name="output"/>, naming records by id unless <paramref name="printPlates"/>.</summary>
    public RecordPrinter(TextWriter output, bool printPlates = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _printPlates = printPlates;
    }

    /// <summary>Prints a read.</summary>
    public void Print(PlateReadMessage read) => WriteLine(RecordLineFormatter.Format(read, _printPlates));

    /// <summary>Prints a hit.</summary>
    public void Print(HotlistHitMessage hit) => WriteLine(RecordLineFormatter.Format(hit, _printPlates));

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
