namespace Alpr.Edge.Firmware.Storage;

/// <summary>The kinds of record the device keeps; hits go out first, then events, then reads.</summary>
public enum RecordKind
{
    /// <summary>A plate read.</summary>
    Read = 0,

    /// <summary>A hot-list hit.</summary>
    Hit = 1,

    /// <summary>An audit-relevant device event (tamper, hold, rejected input...).</summary>
    Event = 2,
}
