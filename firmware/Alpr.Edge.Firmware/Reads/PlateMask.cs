namespace Alpr.Edge.Firmware.Reads;

/// <summary>Plate text as it may appear in logs: the first two characters, the rest masked when formatted.</summary>
/// <param name="Plate">The full plate text (never formatted as is).</param>
internal readonly record struct PlateMask(string Plate)
{
    public override string ToString() => Plate.Length <= 2 ? new string('*', Plate.Length) : Plate[..2] + new string('*', Plate.Length - 2);
}
