namespace Alpr.Edge.Hotlists.Matching;

/// <summary>Kinds of <see cref="PlateEdit"/>.</summary>
public enum PlateEditKind
{
    /// <summary>The read lacks one of the entry's characters.</summary>
    MissingCharacter = 0,

    /// <summary>The read has one character the entry does not.</summary>
    ExtraCharacter = 1,
}
