namespace Alpr.Edge.Storage.Ring;

/// <summary>Why the ring raised an alarm: the disk budget is exhausted by records the bridge does not have yet.</summary>
public enum StorageAlarmKind
{
    /// <summary>Images of un-transferred reads were dropped (plate records kept).</summary>
    ImagesDropped = 0,

    /// <summary>Plate records of un-transferred reads without hits were dropped, oldest first.</summary>
    ReadsDropped = 1,

    /// <summary>Only held records and hits are left and they exceed the budget; nothing more can be dropped.</summary>
    BudgetHeldByProtectedRecords = 2,
}
