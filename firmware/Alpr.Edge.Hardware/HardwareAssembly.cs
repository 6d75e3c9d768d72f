namespace Alpr.Edge.Hardware;

/// <summary>Marker for the hardware library's assembly.</summary>
public static class HardwareAssembly;
