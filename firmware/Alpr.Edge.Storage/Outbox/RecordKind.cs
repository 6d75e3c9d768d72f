namespace Alpr.Edge.Storage.Outbox;

/// <summary>The two kinds of record the device keeps; hits go out before reads.</summary>
public enum RecordKind
{
    /// <summary>A plate read.</summary>
    Read = 0,

    /// <summary>A hot-list hit.</summary>
    Hit = 1,
}
