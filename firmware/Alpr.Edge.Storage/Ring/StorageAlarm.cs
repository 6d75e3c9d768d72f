namespace Alpr.Edge.Storage.Ring;

/// <summary>An alarm event from the ring (raised through <see cref="EncryptedStore.Alarm"/> and logged).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Records">How many records were affected in this step.</param>
/// <param name="OldestCapturedAt">Capture time of the oldest affected record, if any.</param>
/// <param name="LiveBytes">Logical bytes held after the step.</param>
/// <param name="BudgetBytes">The configured budget.</param>
public sealed record StorageAlarm(StorageAlarmKind Kind, int Records, DateTimeOffset? OldestCapturedAt, long LiveBytes, long BudgetBytes);
