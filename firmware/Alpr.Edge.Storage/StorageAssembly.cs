namespace Alpr.Edge.Storage;

/// <summary>Marker for the storage library's assembly.</summary>
public static class StorageAssembly;
