namespace Alpr.Edge.Contracts;

/// <summary>Disk use of the device store.</summary>
/// <param name="StoreBytes">Bytes the store holds, as counted against its budget.</param>
/// <param name="BudgetBytes">The store's disk budget.</param>
/// <param name="FreeBytes">Free bytes on the file system that holds the store, or null when unknown.</param>
public sealed record DiskStatus(long StoreBytes, long BudgetBytes, long? FreeBytes = null);
