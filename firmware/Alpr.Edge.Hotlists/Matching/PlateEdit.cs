namespace Alpr.Edge.Hotlists.Matching;

/// <summary>The one missing or extra character a fuzzy match allowed.</summary>
/// <param name="Kind">Missing from the read, or extra in it.</param>
/// <param name="Position">For a missing character, its index in the entry; for an extra one, its index in the read (0-based).</param>
/// <param name="Character">The character missing from the read, or the extra one.</param>
public readonly record struct PlateEdit(PlateEditKind Kind, int Position, char Character)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Kind == PlateEditKind.MissingCharacter ? $"missing {Character} at {Position + 1}" : $"extra {Character} at {Position + 1}";
}
